import type {
  V1Node,
  V1Pod,
  V1PodDisruptionBudget,
} from '@kubernetes/client-node';
import type { PdbEvidence, PodEvidence, WorkloadEvidence } from '../types';
import { readBudget } from './disruption';
import type { EffectiveReplicas, Workload, WorkloadSubject } from './model';
import { isPodReady, podName, podNodeName } from './pods';
import { asInt, asRecord, records, stringMap } from './read';
import { ZONE_KEYS } from './spreading';

/**
 * What the cluster showed of a live workload: replica counts as
 * `runtime-ready` reads them, where each of its pods runs, and what its
 * disruption budgets allow. Only the few fields a UI (or a failure-domain
 * analysis) needs are copied, never whole objects.
 *
 * @internal
 */
export function workloadEvidence(
  workload: Workload,
  ctx: Pick<WorkloadSubject, 'pods' | 'nodeNamed' | 'pdbs' | 'replicas'>,
): WorkloadEvidence {
  const { pods, nodeNamed } = ctx;
  const zones = new Map<string, string | undefined>();
  const zoneOf = (node: string) => {
    if (!zones.has(node)) {
      zones.set(node, nodeZone(nodeNamed(node)));
    }
    return zones.get(node);
  };
  const evidence: WorkloadEvidence = {};
  const replicas = replicaEvidence(workload);
  if (replicas) {
    evidence.replicas = replicas;
  }
  evidence.pods = pods.map(pod => {
    const entry: PodEvidence = {
      name: podName(pod),
      ready: isPodReady(pod),
      restarts: podRestarts(pod),
    };
    const node = podNodeName(pod);
    if (node !== undefined) {
      entry.node = node;
      const zone = zoneOf(node);
      if (zone !== undefined) {
        entry.zone = zone;
      }
    }
    return entry;
  });
  if (ctx.pdbs.length) {
    evidence.pdbs = ctx.pdbs.map(pdb => pdbEvidence(pdb, ctx.replicas));
  }
  return evidence;
}

function pdbEvidence(
  pdb: V1PodDisruptionBudget,
  replicas: EffectiveReplicas | undefined,
): PdbEvidence {
  const budget = readBudget(pdb, replicas?.value ?? 0);
  const status = asRecord(pdb.status);
  const entry: PdbEvidence = {
    name: budget.name,
    budget: budget.describe,
    // Without a readable replica count the spec alone cannot be judged.
    blocksEveryEviction:
      replicas?.value !== undefined && budget.problem === undefined
        ? budget.blocks
        : false,
  };
  const counts = {
    disruptionsAllowed: asInt(status?.disruptionsAllowed),
    desiredHealthy: asInt(status?.desiredHealthy),
    currentHealthy: asInt(status?.currentHealthy),
  };
  for (const [key, value] of Object.entries(counts)) {
    if (value !== undefined) {
      entry[key as keyof typeof counts] = value;
    }
  }
  return entry;
}

/**
 * A Node's zone label, the deprecated failure-domain key as a fallback.
 *
 * @internal
 */
export function nodeZone(node: V1Node | undefined): string | undefined {
  if (!node) {
    return undefined;
  }
  const labels = stringMap(asRecord(node.metadata)?.labels);
  for (const key of ZONE_KEYS) {
    if (labels[key]) {
      return labels[key];
    }
  }
  return undefined;
}

/** Restarts of every container of the pod, init containers included. */
function podRestarts(pod: V1Pod): number {
  const status = asRecord(pod.status);
  let total = 0;
  for (const list of [
    status?.initContainerStatuses,
    status?.containerStatuses,
  ]) {
    for (const container of records(list)) {
      const count = asInt(container.restartCount);
      if (count !== undefined && count > 0) {
        total += count;
      }
    }
  }
  return total;
}

/**
 * Desired and ready counts as the cluster reports them (the same readings as
 * `runtime-ready`); a count that cannot be read is left out.
 */
function replicaEvidence(
  workload: Workload,
): WorkloadEvidence['replicas'] | undefined {
  if (workload.kind === 'Pod') {
    return { desired: 1, ready: isPodReady(workload.object) ? 1 : 0 };
  }
  const status = workload.status;
  let desired: number | undefined;
  let ready: number | undefined;
  // The API omits zero counts, but only in a status it sent at all.
  if (workload.kind === 'DaemonSet') {
    desired = status ? asInt(status.desiredNumberScheduled ?? 0) : undefined;
    ready = status ? asInt(status.numberReady ?? 0) : undefined;
  } else {
    desired = asInt(workload.spec.replicas ?? 1);
    ready = status ? asInt(status.readyReplicas ?? 0) : undefined;
  }
  if (desired === undefined && ready === undefined) {
    return undefined;
  }
  return {
    ...(desired !== undefined ? { desired } : {}),
    ...(ready !== undefined ? { ready } : {}),
  };
}
