import type { PdbEvidence, PodEvidence, WorkloadReport } from '../types';
import type { ClusterInput, WorkloadRef } from './types';

/**
 * A live workload of a cluster with the evidence the analyses read.
 *
 * @internal
 */
export interface LiveWorkload {
  ref: WorkloadRef;
  /** The entity's title, when it has one. */
  title?: string;
  /** `Kind namespace/name`, as messages name it. */
  label: string;
  entry: WorkloadReport;
  ready: PodEvidence[];
  pods: PodEvidence[];
  pdbs: PdbEvidence[];
  /** The highest `desiredHealthy` of its PDBs, when one reports it. */
  minimum?: { value: number; pdb: string };
}

/** Every workload entry of the cluster that carries pod evidence. */
export function liveWorkloads(input: ClusterInput): LiveWorkload[] {
  const result: LiveWorkload[] = [];
  for (const entity of input.entities) {
    for (const entry of entity.report.workloads) {
      const pods = podsOf(entry);
      if (entry.cluster !== input.cluster || !pods) {
        continue;
      }
      let minimum: LiveWorkload['minimum'];
      const pdbs = records<PdbEvidence>(entry.evidence?.pdbs);
      for (const pdb of pdbs) {
        const value = pdb.desiredHealthy;
        if (value !== undefined && value > (minimum?.value ?? 0)) {
          minimum = { value, pdb: pdb.name };
        }
      }
      result.push({
        ref: {
          entityRef: entity.entityRef,
          kind: entry.kind,
          namespace: entry.namespace,
          name: entry.name,
        },
        title: entity.title,
        label: `${entry.kind} ${entry.namespace}/${entry.name}`,
        entry,
        ready: pods.filter(pod => pod.ready),
        pods,
        pdbs,
        minimum,
      });
    }
  }
  return result;
}

/**
 * The pods of an entry's evidence, skipping anything that is not a pod
 * record (stored reports are read back from JSON).
 */
export function podsOf(entry: WorkloadReport): PodEvidence[] | undefined {
  const pods: unknown = entry.evidence?.pods;
  return Array.isArray(pods) ? records(pods) : undefined;
}

function records<T>(list: unknown): T[] {
  return Array.isArray(list)
    ? list.filter(item => typeof item === 'object' && item !== null)
    : [];
}

/** Counts by key; pods without a key are counted under `undefined`. */
export function countBy(
  pods: readonly PodEvidence[],
  key: (pod: PodEvidence) => string | undefined,
): Map<string | undefined, number> {
  const counts = new Map<string | undefined, number>();
  for (const pod of pods) {
    const k = key(pod);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** "1 ready pod" / "3 ready pods". */
export function readyPods(n: number): string {
  return `${n} ready pod${n === 1 ? '' : 's'}`;
}
