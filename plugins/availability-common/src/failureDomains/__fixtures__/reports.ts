import type {
  AvailabilityReport,
  PdbEvidence,
  PodEvidence,
  WorkloadReport,
} from '../../types';
import type { ClusterInput } from '../types';

/** A live Deployment entry of cluster `prod` with the given pods and PDBs. */
export function liveEntry(
  name: string,
  pods: PodEvidence[],
  pdbs?: PdbEvidence[],
): WorkloadReport {
  return {
    kind: 'Deployment',
    namespace: 'shop',
    name,
    cluster: 'prod',
    score: 80,
    level: 'silver',
    checks: [],
    evidence: { pods, ...(pdbs ? { pdbs } : {}) },
  };
}

export function readyPod(
  name: string,
  node?: string,
  zone?: string,
): PodEvidence {
  return {
    name,
    ready: true,
    restarts: 0,
    ...(node ? { node } : {}),
    ...(zone ? { zone } : {}),
  };
}

export function report(workloads: WorkloadReport[]): AvailabilityReport {
  return { score: 80, level: 'silver', workloads, errors: [] };
}

/** Three nodes in two zones: a-1 and a-2 in zone a, b-1 in zone b. */
export function cluster(
  entities: Record<string, WorkloadReport[]>,
): ClusterInput {
  return {
    cluster: 'prod',
    nodes: [
      { name: 'a-1', zone: 'a' },
      { name: 'a-2', zone: 'a' },
      { name: 'b-1', zone: 'b' },
    ],
    entities: Object.entries(entities).map(([name, workloads]) => ({
      entityRef: `component:default/${name}`,
      report: report(workloads),
    })),
  };
}
