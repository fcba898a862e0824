import {
  AvailabilityReport,
  ClusterStatus,
  EntityReportResponse,
  scoreChecks,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';

/** A cluster's outcome for one entity in this refresh. */
export type ClusterOutcome =
  | { cluster: string; status: 'ok' }
  | { cluster: string; status: 'error'; message: string };

/** When the cluster last answered for the entity, as the previous report says. */
function lastSuccess(
  previous: EntityReportResponse | undefined,
  cluster: string,
): string | undefined {
  const status = previous?.clusters.find(c => c.cluster === cluster);
  if (!status) return undefined;
  if (status.lastSuccessAt) return status.lastSuccessAt;
  // Reports stored before clusters carried their own time.
  return status.status === 'ok'
    ? previous?.refreshedAt ?? undefined
    : undefined;
}

/**
 * The entity's cluster statuses after this refresh, and the entries to keep
 * from the previous report: a cluster that failed keeps its workloads as
 * they were when it last answered, marked stale, while the clusters that
 * answered are fresh. A failed cluster is listed only on entities it served
 * before (or that have no previous report, where nobody knows).
 */
export function reconcileClusters(options: {
  outcomes: ClusterOutcome[];
  previous: EntityReportResponse | undefined;
  at: Date;
}): { statuses: ClusterStatus[]; kept: WorkloadReport[] } {
  const { outcomes, previous, at } = options;
  const statuses: ClusterStatus[] = [];
  const kept: WorkloadReport[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'ok') {
      statuses.push({
        cluster: outcome.cluster,
        status: 'ok',
        lastSuccessAt: at.toISOString(),
      });
      continue;
    }
    if (
      previous &&
      !previous.clusters.some(c => c.cluster === outcome.cluster)
    ) {
      continue;
    }
    const entries =
      previous?.report?.workloads.filter(w => w.cluster === outcome.cluster) ??
      [];
    kept.push(...entries);
    const since = lastSuccess(previous, outcome.cluster);
    statuses.push({
      cluster: outcome.cluster,
      status: 'error',
      message: outcome.message,
      ...(since && { lastSuccessAt: since }),
      ...(entries.length > 0 && { stale: true }),
    });
  }
  return {
    statuses: statuses.sort((a, b) => a.cluster.localeCompare(b.cluster)),
    kept,
  };
}

/** The fresh report with the kept entries added and the score taken over all of them. */
export function withKeptEntries(
  report: AvailabilityReport,
  kept: WorkloadReport[],
): AvailabilityReport {
  if (!kept.length) return report;
  const workloads = [...report.workloads, ...kept];
  return {
    ...report,
    ...scoreChecks(workloads.flatMap(w => w.checks)),
    workloads,
  };
}
