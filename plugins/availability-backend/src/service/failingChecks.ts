import {
  AvailabilityReport,
  SEVERITY_WEIGHTS,
  Severity,
} from '@availability-backstage/plugin-availability-common';

/**
 * One failing check of one workload, as the actions and notifications tell
 * it.
 */
export interface FailingCheck {
  check: string;
  severity: Severity;
  message: string;
  remediation: string | null;
  workload: { kind: string; namespace: string; name: string; cluster?: string };
}

/** Every failing check of the report, most severe first, then by check id and workload. */
export function failingChecksWorstFirst(
  report: AvailabilityReport,
): FailingCheck[] {
  const failing = report.workloads.flatMap(workload =>
    workload.checks
      .filter(check => check.status === 'fail')
      .map(check => ({
        check: check.id,
        severity: check.severity,
        message: check.message,
        remediation: check.remediation,
        workload: {
          kind: workload.kind,
          namespace: workload.namespace,
          name: workload.name,
          ...(workload.cluster ? { cluster: workload.cluster } : {}),
        },
      })),
  );
  const where = (f: FailingCheck) =>
    `${f.workload.cluster ?? ''}/${f.workload.namespace}/${f.workload.kind}/${
      f.workload.name
    }`;
  return failing.sort(
    (a, b) =>
      SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity] ||
      a.check.localeCompare(b.check) ||
      where(a).localeCompare(where(b)),
  );
}
