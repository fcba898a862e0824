import type { CheckInfo } from '../types';
import type { AvailabilityCheck } from '../engine/model';
import { replicasRecommended } from './replicas-recommended';
import { rolloutStrategy } from './rollout-strategy';
import { rolloutZeroUnavailable } from './rollout-zero-unavailable';
import { probeLiveness } from './probe-liveness';
import { probeDistinct } from './probe-distinct';
import { resourcesRequests } from './resources-requests';
import { resourcesLimits } from './resources-limits';
import { hpaPresent } from './hpa-present';
import { hpaMinReplicas } from './hpa-min-replicas';
import { hpaRange } from './hpa-range';
import { hpaRequests } from './hpa-requests';
import { hpaTargetExists } from './hpa-target-exists';
import { pdbPresent } from './pdb-present';
import { pdbAllowsEviction } from './pdb-allows-eviction';
import { pdbKeepsMinimum } from './pdb-keeps-minimum';
import { spreadNodes } from './spread-nodes';
import { spreadZones } from './spread-zones';
import { imageTagPinned } from './image-tag-pinned';
import { securityNonRoot } from './security-non-root';
import { securityNoEscalation } from './security-no-escalation';
import { securityReadOnlyFs } from './security-read-only-fs';
import { secretsByReference } from './secrets-by-reference';
import { networkPolicy } from './network-policy';
import { statefulsetHeadlessService } from './statefulset-headless-service';
import { storageSharedRwo } from './storage-shared-rwo';
import { gracefulShutdown } from './graceful-shutdown';
import { priorityClass } from './priority-class';
import { runtimeRestarts } from './runtime-restarts';
import { runtimeNodeSpread } from './runtime-node-spread';
import { runtimeZoneSpread } from './runtime-zone-spread';
import { runtimeHpaHeadroom } from './runtime-hpa-headroom';
import { runtimePdbHealthy } from './runtime-pdb-healthy';
import { dockerfilePinnedBase } from './dockerfile-pinned-base';
import { dockerfileNonRoot } from './dockerfile-non-root';
import { dockerfileMultiStage } from './dockerfile-multi-stage';
import { dockerfileHealthcheck } from './dockerfile-healthcheck';
import { dockerfileDockerignore } from './dockerfile-dockerignore';
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
  replicasRecommended,
  rolloutStrategy,
  rolloutZeroUnavailable,
  probeReadiness,
  probeLiveness,
  probeDistinct,
  resourcesRequests,
  resourcesLimits,
  hpaPresent,
  hpaMinReplicas,
  hpaTargetExists,
  hpaRange,
  hpaRequests,
  pdbPresent,
  pdbAllowsEviction,
  pdbKeepsMinimum,
  spreadNodes,
  spreadZones,
  imageTagPinned,
  securityNonRoot,
  securityNoEscalation,
  securityReadOnlyFs,
  secretsByReference,
  networkPolicy,
  serviceSelectsPods,
  statefulsetHeadlessService,
  storageSharedRwo,
  gracefulShutdown,
  priorityClass,
  podController,
  runtimeReady,
  runtimeRestarts,
  runtimeNodeSpread,
  runtimeZoneSpread,
  runtimeHpaHeadroom,
  runtimePdbHealthy,
  dockerfilePinnedBase,
  dockerfileNonRoot,
  dockerfileMultiStage,
  dockerfileHealthcheck,
  dockerfileDockerignore,
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
