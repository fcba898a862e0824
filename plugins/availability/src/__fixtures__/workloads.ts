import {
  CheckResult,
  CheckStatus,
  Severity,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';

/** A check result with the defaults of a passing low-severity check. */
export function check(
  id: string,
  status: CheckStatus = 'pass',
  severity: Severity = 'low',
  message = '',
): CheckResult {
  return {
    id,
    status,
    severity,
    message,
    remediation: status === 'fail' ? `Fix ${id}.` : null,
    reason: null,
  };
}

/** One report entry of a workload in one cluster. */
export function workload(
  name: string,
  cluster: string | undefined,
  checks: CheckResult[],
  kind = 'Deployment',
): WorkloadReport {
  return {
    kind,
    namespace: 'shop',
    name,
    cluster,
    score: 50,
    level: 'bronze',
    checks,
  };
}
