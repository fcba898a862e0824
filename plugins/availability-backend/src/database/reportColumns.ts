import type {
  AvailabilityReport,
  CheckResult,
} from '@availability-backstage/plugin-availability-common';

/** The clusters a report's workloads came from, each once, sorted. */
export function workloadClusters(report: AvailabilityReport): string[] {
  return [
    ...new Set(report.workloads.flatMap(w => (w.cluster ? [w.cluster] : []))),
  ].sort();
}

/**
 * What the exemption ledger reads of a report, or null when no check is
 * exempt: its score and level, and each workload's name with its counted
 * (passing and failing) and exempt checks, without messages or remediation.
 * {@link exemptionReportOf} turns it back into a report.
 */
export function exemptionColumn(report: AvailabilityReport): string | null {
  const checks = report.workloads.flatMap(w => w.checks);
  if (!checks.some(c => c.status === 'exempt')) {
    return null;
  }
  return JSON.stringify({
    score: report.score,
    level: report.level,
    workloads: report.workloads.map(({ kind, namespace, name, ...w }) => ({
      kind,
      namespace,
      name,
      ...(w.cluster !== undefined ? { cluster: w.cluster } : {}),
      checks: w.checks.flatMap((c): StoredCheck[] => {
        const counted = { id: c.id, status: c.status, severity: c.severity };
        if (c.status !== 'exempt') {
          return c.status === 'pass' || c.status === 'fail' ? [counted] : [];
        }
        return [
          {
            ...counted,
            reason: c.reason,
            ...(c.until !== undefined ? { until: c.until } : {}),
            ...(c.exemptedBy ? { exemptedBy: c.exemptedBy } : {}),
          },
        ];
      }),
    })),
  });
}

type StoredCheck = Omit<CheckResult, 'message' | 'remediation' | 'reason'> &
  Partial<Pick<CheckResult, 'reason'>>;

type StoredExemptions = Pick<AvailabilityReport, 'score' | 'level'> & {
  workloads: Array<
    Pick<
      AvailabilityReport['workloads'][number],
      'kind' | 'namespace' | 'name' | 'cluster'
    > & { checks: StoredCheck[] }
  >;
};

/**
 * The report an exemption column was written from, as far as the ledger
 * reads it: checks that do not count are left out, messages are empty and
 * workload scores null.
 */
export function exemptionReportOf(column: string): AvailabilityReport {
  const stored = JSON.parse(column) as StoredExemptions;
  return {
    score: stored.score,
    level: stored.level,
    errors: [],
    workloads: stored.workloads.map(w => ({
      ...w,
      score: null,
      level: null,
      checks: w.checks.map(c => ({
        message: '',
        remediation: null,
        ...c,
        reason: c.reason ?? null,
      })),
    })),
  };
}

type LiveEntry = Pick<
  AvailabilityReport['workloads'][number],
  'kind' | 'namespace' | 'name' | 'cluster' | 'evidence'
>;

/**
 * What the failure-domain analyses read of a report: each entry that came
 * from a cluster, with its name and runtime evidence (pods, PDBs), without
 * its checks. A report's entries carry every check's message and
 * remediation, many times the size of this.
 * {@link liveEvidenceReportOf} turns it back into a report.
 */
export function liveEvidenceColumn(report: AvailabilityReport): string {
  const workloads: LiveEntry[] = report.workloads.flatMap(
    ({ kind, namespace, name, cluster, evidence }) =>
      cluster === undefined
        ? []
        : [{ kind, namespace, name, cluster, ...(evidence && { evidence }) }],
  );
  return JSON.stringify({ workloads });
}

/**
 * The report a live-evidence column was written from, as far as the
 * failure-domain analyses read it: no checks, and no scores.
 */
export function liveEvidenceReportOf(column: string): AvailabilityReport {
  const stored = JSON.parse(column) as { workloads: LiveEntry[] };
  return {
    score: null,
    level: null,
    errors: [],
    workloads: stored.workloads.map(entry => ({
      ...entry,
      score: null,
      level: null,
      checks: [],
    })),
  };
}
