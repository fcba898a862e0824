import {
  CheckResult,
  CheckStatus,
  Severity,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import { compareBySeverity, outcomeOrder } from './checkOrdering';

/** One check of a workload as it came out in one cluster. */
export interface ClusterCheck {
  cluster?: string;
  check: CheckResult;
}

/** One check of a workload across the clusters it runs in. */
export interface CheckRow {
  id: string;
  severity: Severity;
  /** The worst outcome in any cluster (fail before exempt before unknown …). */
  status: CheckStatus;
  results: ClusterCheck[];
  /** The clusters where it fails. */
  failingIn: string[];
  /** Clusters whose outcome or message differs from the first cluster's. */
  differing: ClusterCheck[];
  /** Runtime checks whose failure this row's failure explains. */
  symptoms: CheckRow[];
}

/** One workload (or Service) of an entity, over every cluster it runs in. */
export interface WorkloadGroup {
  /** `<kind>/<namespace>/<name>`: also the fix key of its checks. */
  key: string;
  kind: string;
  namespace: string;
  name: string;
  instances: WorkloadReport[];
  rows: CheckRow[];
}

/**
 * Runtime checks that show, on the cluster, what a static check predicts:
 * nested under it when both fail, since fixing the cause fixes the symptom.
 */
const causeOf: Record<string, string> = {
  'runtime-node-spread': 'spread-nodes',
  'runtime-zone-spread': 'spread-zones',
  'runtime-pdb-healthy': 'pdb-allows-eviction',
};

/** The key that groups one workload's entries of every cluster. */
export function workloadKey(workload: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return `${workload.kind}/${workload.namespace}/${workload.name}`;
}

function worstStatus(results: ClusterCheck[]): CheckStatus {
  return outcomeOrder.find(status =>
    results.some(r => r.check.status === status),
  )!;
}

function rowsOf(instances: WorkloadReport[]): CheckRow[] {
  const byId = new Map<string, ClusterCheck[]>();
  for (const instance of instances) {
    for (const check of instance.checks) {
      const results = byId.get(check.id) ?? [];
      results.push({ cluster: instance.cluster, check });
      byId.set(check.id, results);
    }
  }
  const rows = [...byId.entries()].map(([id, results]): CheckRow => {
    const [first] = results;
    return {
      id,
      severity: first.check.severity,
      status: worstStatus(results),
      results,
      failingIn: results
        .filter(r => r.check.status === 'fail')
        .map(r => r.cluster ?? ''),
      differing: results.filter(
        r =>
          r.check.status !== first.check.status ||
          r.check.message !== first.check.message,
      ),
      symptoms: [],
    };
  });
  const failing = new Map(
    rows.filter(r => r.status === 'fail').map(r => [r.id, r]),
  );
  const nested = new Set<CheckRow>();
  for (const row of rows) {
    const cause = failing.get(causeOf[row.id]);
    if (cause && row.status === 'fail') {
      cause.symptoms.push(row);
      nested.add(row);
    }
  }
  return rows
    .filter(row => !nested.has(row))
    .sort(
      (a, b) =>
        outcomeOrder.indexOf(a.status) - outcomeOrder.indexOf(b.status) ||
        compareBySeverity(a, b),
    );
}

/**
 * Groups an entity's report entries by workload: the same Deployment in
 * three clusters is one group whose check rows say where each check fails.
 * Groups keep the report's order of first appearance.
 */
export function groupWorkloads(workloads: WorkloadReport[]): WorkloadGroup[] {
  const groups = new Map<string, WorkloadReport[]>();
  for (const workload of workloads) {
    const key = workloadKey(workload);
    groups.set(key, [...(groups.get(key) ?? []), workload]);
  }
  return [...groups.entries()].map(([key, instances]) => ({
    key,
    kind: instances[0].kind,
    namespace: instances[0].namespace,
    name: instances[0].name,
    instances,
    rows: rowsOf(instances),
  }));
}
