import type {
  AvailabilityReport,
  CheckResult,
  Level,
} from '@availability-backstage/plugin-availability-common';

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
