import type { AvailabilityReport, CheckStatus, WorkloadReport } from '../types';
import type { WorkloadDrift } from './types';

/**
 * The workloads of a report that are judged differently in two or more
 * clusters (the same kind, namespace and name), with the checks whose
 * status differs. A check missing from one cluster's entry counts as
 * `absent` (e.g. disabled, or a kind change).
 *
 * @public
 */
export function workloadDrift(report: AvailabilityReport): WorkloadDrift[] {
  const groups = new Map<string, WorkloadReport[]>();
  for (const entry of report.workloads) {
    if (entry.cluster === undefined) {
      continue;
    }
    const key = `${entry.kind}\u0000${entry.namespace}\u0000${entry.name}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const drift: WorkloadDrift[] = [];
  for (const entries of groups.values()) {
    if (entries.length < 2) {
      continue;
    }
    const ids = new Set(entries.flatMap(e => e.checks.map(c => c.id)));
    const checks: WorkloadDrift['checks'] = [];
    for (const id of ids) {
      const statuses: Record<string, CheckStatus | 'absent'> = {};
      for (const entry of entries) {
        statuses[entry.cluster!] =
          entry.checks.find(c => c.id === id)?.status ?? 'absent';
      }
      if (new Set(Object.values(statuses)).size > 1) {
        checks.push({ id, statuses });
      }
    }
    const scores = new Set(entries.map(e => e.score));
    if (checks.length === 0 && scores.size === 1) {
      continue;
    }
    const [first] = entries;
    drift.push({
      kind: first.kind,
      namespace: first.namespace,
      name: first.name,
      clusters: entries.map(e => ({
        cluster: e.cluster!,
        score: e.score,
        level: e.level,
      })),
      checks,
    });
  }
  return drift;
}
