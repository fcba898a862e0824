import { WorkloadReport } from '@availability-backstage/plugin-availability-common';
import { workloadKey } from './workloadGroups';

function plural(count: number, noun: string): string {
  if (count === 1) {
    return `1 ${noun}`;
  }
  return `${count} ${noun.endsWith('s') ? `${noun}es` : `${noun}s`}`;
}

/**
 * What an entity's report covers, counted as a reader would: each workload
 * once whatever the number of clusters it runs in, and each failing check
 * once per workload ("1 Deployment · 1 Service in 3 clusters · 11 checks
 * fail").
 */
export function describeWorkloadCounts(workloads: WorkloadReport[]): string {
  const byKind = new Map<string, Set<string>>();
  const clusters = new Set<string>();
  const failing = new Set<string>();
  for (const workload of workloads) {
    const key = workloadKey(workload);
    byKind.set(
      workload.kind,
      (byKind.get(workload.kind) ?? new Set()).add(key),
    );
    if (workload.cluster) {
      clusters.add(workload.cluster);
    }
    for (const check of workload.checks) {
      if (check.status === 'fail') {
        failing.add(`${key}#${check.id}`);
      }
    }
  }
  if (byKind.size === 0) {
    return 'No workloads';
  }
  const kinds = [...byKind.entries()]
    .map(([kind, keys]) => plural(keys.size, kind))
    .join(' · ');
  const where =
    clusters.size > 0 ? ` in ${plural(clusters.size, 'cluster')}` : '';
  const fails =
    failing.size === 0
      ? 'no check fails'
      : `${plural(failing.size, 'check')} ${
          failing.size === 1 ? 'fails' : 'fail'
        }`;
  return `${kinds}${where} · ${fails}`;
}
