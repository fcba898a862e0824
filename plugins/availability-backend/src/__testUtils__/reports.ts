import type {
  AvailabilityReport,
  CheckResult,
  Level,
} from '@availability-backstage/plugin-availability-common';
import type { AvailabilityStore } from '../database/AvailabilityStore';

/** A check's result: high severity, no remediation, unless said otherwise. */
export function checkResult(
  id: string,
  status: CheckResult['status'],
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    id,
    status,
    severity: 'high',
    message: status === 'pass' ? 'ok' : 'not ok',
    remediation: null,
    reason: null,
    ...extra,
  };
}

/** A report of one Deployment (shop/api) whose score and level are the entity's. */
export function oneWorkloadReport(options: {
  score: number;
  level: Level;
  checks: CheckResult[];
  cluster?: string;
}): AvailabilityReport {
  const { score, level, checks, cluster } = options;
  return {
    score,
    level,
    errors: [],
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'api',
        ...(cluster && { cluster }),
        score,
        level,
        checks,
      },
    ],
  };
}

/** When seeded reports were refreshed, unless a test says otherwise. */
export const SEEDED_AT = new Date('2026-03-01T12:00:00Z');

/** A component of the default namespace, as a test names it. */
export interface SeededEntity {
  name: string;
  owner?: string;
  system?: string;
}

/**
 * Saves `report` as the latest report of the component, from a refresh that
 * reached the prod-eu cluster.
 */
export async function saveComponentReport(
  store: AvailabilityStore,
  entity: SeededEntity,
  report: AvailabilityReport,
  refreshedAt: Date = SEEDED_AT,
) {
  await store.saveReport({
    entity: {
      entityRef: `component:default/${entity.name}`,
      kind: 'Component',
      namespace: 'default',
      name: entity.name,
      owner: entity.owner,
      system: entity.system,
    },
    report,
    clusters: [{ cluster: 'prod-eu', status: 'ok' }],
    refreshedAt,
  });
}
