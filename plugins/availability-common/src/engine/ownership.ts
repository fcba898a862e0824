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

/**
 * The live pods of each controller of one namespace: those its selector
 * selects and that it owns (through its ReplicaSet for Deployments) when
 * their owner is known.
 *
 * @internal
 */
export function podsByController(options: {
  workloads: readonly Workload[];
  pods: readonly V1Pod[];
  /** ReplicaSet name to the Deployment that owns it. */
  replicaSetOwners: ReadonlyMap<string, string>;
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
  replicaSetOwners: ReadonlyMap<string, string>,
) {
  const metadata = asRecord(pod.metadata) ?? {};
  const owner = ownerOf(metadata);
  if (!owner) {
    return true;
  }
  if (owner.kind === 'ReplicaSet') {
    if (workload.kind !== 'Deployment') {
      return false;
    }
    const deployment =
      replicaSetOwners.get(owner.name) ??
      deploymentFromHash(owner.name, stringMap(metadata.labels));
    return deployment === undefined || deployment === workload.name;
  }
  return owner.kind === workload.kind && owner.name === workload.name;
}

/** ReplicaSets of a Deployment are named `<deployment>-<pod-template-hash>`. */
function deploymentFromHash(
  replicaSet: string,
  labels: Record<string, string>,
): string | undefined {
  const hash = labels['pod-template-hash'];
  return hash && replicaSet.endsWith(`-${hash}`)
    ? replicaSet.slice(0, -hash.length - 1)
    : undefined;
}
