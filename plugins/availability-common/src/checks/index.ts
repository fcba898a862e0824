import type { CheckInfo } from '../types';
import type { AvailabilityCheck } from '../engine/model';
import { podController } from './pod-controller';
import { probeReadiness } from './probe-readiness';
import { replicasMin } from './replicas-min';
import { runtimeReady } from './runtime-ready';
import { serviceSelectsPods } from './service-selects-pods';

/**
 * Every check, in report order. Adding a check is one file, one test and
 * one line here.
 *
 * @internal
 */
export const availabilityChecks: readonly AvailabilityCheck[] = [
  replicasMin,
  probeReadiness,
  serviceSelectsPods,
  podController,
  runtimeReady,
];

/**
 * The catalog of every check: id, title, description, default severity and
 * category.
 *
 * @public
 */
export const checkCatalog: CheckInfo[] = availabilityChecks.map(
  ({ id, title, description, severity, category }) => ({
    id,
    title,
    description,
    severity,
    category,
  }),
);

/**
 * A check's catalog entry by id.
 *
 * @public
 */
export function getCheck(id: string): CheckInfo | undefined {
  return checkCatalog.find(check => check.id === id);
}
