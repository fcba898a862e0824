import type { V1Pod } from '@kubernetes/client-node';
import type { Workload } from './model';
import { asRecord, asString, Dict, records, stringMap } from './read';
import { LabelIndex } from './selectors';

/**
 * The controlling owner reference, else the first one.
 *
 * @internal
 */
export function ownerOf(
  metadata: Dict,
): { kind: string; name: string } | undefined {
  const owners = records(metadata.ownerReferences);
  const owner = owners.find(ref => ref.controller === true) ?? owners[0];
  if (!owner) {
    return undefined;
  }
  return { kind: asString(owner.kind) ?? '', name: asString(owner.name) ?? '' };
}

/** The label each controller of ReplicaSets puts on its pods' template hash. */
const HASH_LABELS: Record<string, string> = {
  Deployment: 'pod-template-hash',
  Rollout: 'rollouts-pod-template-hash',
};

/**
 * The live pods of each controller of one namespace: those its selector
 * selects and that it owns (through its ReplicaSet for Deployments and
 * Rollouts) when their owner is known.
 *
 * @internal
 */
export function podsByController(options: {
  workloads: readonly Workload[];
  pods: readonly V1Pod[];
  /** ReplicaSet name to the Deployment or Rollout that owns it. */
  replicaSetOwners: ReadonlyMap<string, { kind: string; name: string }>;
}): Map<Workload, V1Pod[]> {
  const { workloads, replicaSetOwners } = options;
  const pods = new LabelIndex<V1Pod>();
  for (const pod of options.pods) {
    pods.add(pod, stringMap(asRecord(pod.metadata)?.labels));
  }
  const owned = new Map<Workload, V1Pod[]>();
  for (const workload of workloads) {
    if (workload.kind === 'Pod' || !workload.selector) {
      continue;
    }
    owned.set(
      workload,
      pods
        .select(workload.selector)
        .filter(pod => belongsTo(pod, workload, replicaSetOwners)),
    );
  }
  return owned;
}

function belongsTo(
  pod: V1Pod,
  workload: Workload,
  replicaSetOwners: ReadonlyMap<string, { kind: string; name: string }>,
) {
  const metadata = asRecord(pod.metadata) ?? {};
  const owner = ownerOf(metadata);
  if (!owner) {
    return true;
  }
  if (owner.kind === 'ReplicaSet') {
    const hashLabel = HASH_LABELS[workload.kind];
    if (hashLabel === undefined) {
      return false;
    }
    const known = replicaSetOwners.get(owner.name);
    if (known) {
      return known.kind === workload.kind && known.name === workload.name;
    }
    const controller = controllerFromHash(
      owner.name,
      stringMap(metadata.labels)[hashLabel],
    );
    return controller === undefined || controller === workload.name;
  }
  return owner.kind === workload.kind && owner.name === workload.name;
}

/**
 * ReplicaSets of a Deployment or Rollout are named `<controller>-<hash>`,
 * the hash being the pod label its controller adds.
 */
function controllerFromHash(
  replicaSet: string,
  hash: string | undefined,
): string | undefined {
  return hash && replicaSet.endsWith(`-${hash}`)
    ? replicaSet.slice(0, -hash.length - 1)
    : undefined;
}
