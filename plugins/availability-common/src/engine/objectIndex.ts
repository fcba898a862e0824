import type {
  KubernetesObject,
  V1Container,
  V1LabelSelector,
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodDisruptionBudget,
  V1PodSpec,
  V1Service,
} from '@kubernetes/client-node';
import type { EvaluationObject, SourceLocation } from '../types';
import type {
  HorizontalPodAutoscaler,
  ServiceTarget,
  Workload,
  WorkloadKind,
} from './model';
import {
  asNonEmptyString,
  asRecord,
  asString,
  Dict,
  isRecord,
  records,
  stringMap,
} from './read';
import { LabelIndex } from './selectors';

/** The API group each kind we read must come from ('' is the core group). */
const KIND_GROUPS: Record<string, string> = {
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Pod: '',
  Service: '',
  PersistentVolumeClaim: '',
  Node: '',
  HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy',
  NetworkPolicy: 'networking.k8s.io',
};

interface Entry {
  kind: string;
  object: Dict;
  metadata: Dict;
  name: string;
  namespace: string;
  cluster?: string;
  source?: SourceLocation;
}

/** Objects of one namespace of one cluster (or of the manifest set). */
class NamespaceBucket {
  readonly workloads: Workload[] = [];
  readonly ownedPods: V1Pod[] = [];
  readonly services: ServiceTarget[] = [];
  readonly hpas: HorizontalPodAutoscaler[] = [];
  readonly pdbs: V1PodDisruptionBudget[] = [];
  readonly networkPolicies: V1NetworkPolicy[] = [];
  readonly claims = new Map<string, V1PersistentVolumeClaim>();
  /** ReplicaSet name to the Deployment that owns it. */
  readonly replicaSetOwners = new Map<string, string>();
}

/**
 * Every input object, indexed once by cluster, namespace and kind, with the
 * relations the checks need (HPA by target, PDBs, NetworkPolicies and pods
 * per workload, Services by selector) computed up front so that evaluation
 * stays close to linear in the size of the input.
 *
 * @internal
 */
export class ObjectIndex {
  readonly workloads: Workload[] = [];
  readonly services: ServiceTarget[] = [];
  readonly #buckets = new Map<string, NamespaceBucket>();
  readonly #nodes = new Map<string, V1Node>();
  readonly #hpa = new Map<Workload, HorizontalPodAutoscaler>();
  readonly #pdbs = new Map<Workload, V1PodDisruptionBudget[]>();
  readonly #networkPolicies = new Map<Workload, V1NetworkPolicy[]>();
  readonly #pods = new Map<Workload, V1Pod[]>();
  readonly #serviceTargets = new Map<ServiceTarget, Workload[]>();
  readonly #servicesByName = new Map<string, V1Service[]>();

  static build(objects: readonly EvaluationObject[]): ObjectIndex {
    const index = new ObjectIndex();
    for (const input of Array.isArray(objects) ? objects : []) {
      for (const entry of flatten(input)) {
        index.#add(entry);
      }
    }
    for (const bucket of index.#buckets.values()) {
      index.#relate(bucket);
    }
    return index;
  }

  hpaFor(workload: Workload): HorizontalPodAutoscaler | undefined {
    return this.#hpa.get(workload);
  }

  pdbsFor(workload: Workload): V1PodDisruptionBudget[] {
    return this.#pdbs.get(workload) ?? [];
  }

  networkPoliciesFor(workload: Workload): V1NetworkPolicy[] {
    return this.#networkPolicies.get(workload) ?? [];
  }

  podsFor(workload: Workload): V1Pod[] {
    if (workload.kind === 'Pod') {
      return [workload.object as V1Pod];
    }
    return this.#pods.get(workload) ?? [];
  }

  workloadsSelectedBy(service: ServiceTarget): Workload[] {
    return this.#serviceTargets.get(service) ?? [];
  }

  workloadsInNamespaceOf(target: { cluster?: string; namespace: string }) {
    return (
      this.#buckets.get(bucketKey(target.cluster, target.namespace))?.workloads
        .length ?? 0
    );
  }

  servicesNamed(
    target: { cluster?: string; namespace: string },
    name: string,
  ): V1Service[] {
    return (
      this.#servicesByName.get(
        `${bucketKey(target.cluster, target.namespace)}\u0000${name}`,
      ) ?? []
    );
  }

  claimNamed(
    target: { cluster?: string; namespace: string },
    name: string,
  ): V1PersistentVolumeClaim | undefined {
    return this.#buckets
      .get(bucketKey(target.cluster, target.namespace))
      ?.claims.get(name);
  }

  nodeNamed(cluster: string | undefined, name: string): V1Node | undefined {
    return this.#nodes.get(bucketKey(cluster, name));
  }

  #bucket(entry: { cluster?: string; namespace: string }) {
    const key = bucketKey(entry.cluster, entry.namespace);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new NamespaceBucket();
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  #add(entry: Entry) {
    const { kind, object } = entry;
    switch (kind) {
      case 'Deployment':
      case 'StatefulSet':
      case 'DaemonSet': {
        const workload = toWorkload(entry, kind);
        this.workloads.push(workload);
        this.#bucket(entry).workloads.push(workload);
        return;
      }
      case 'Pod': {
        // On a cluster, a Pod with owners is runtime evidence of its
        // controller; in manifests every Pod is a workload of its own.
        if (entry.cluster !== undefined && ownerOf(entry.metadata)) {
          this.#bucket(entry).ownedPods.push(object as V1Pod);
          return;
        }
        const workload = toWorkload(entry, 'Pod');
        this.workloads.push(workload);
        this.#bucket(entry).workloads.push(workload);
        return;
      }
      case 'ReplicaSet': {
        const owner = ownerOf(entry.metadata);
        if (owner?.kind === 'Deployment') {
          this.#bucket(entry).replicaSetOwners.set(entry.name, owner.name);
        }
        return;
      }
      case 'Service': {
        const service: ServiceTarget = {
          kind: 'Service',
          object: object as V1Service,
          name: entry.name,
          namespace: entry.namespace,
          cluster: entry.cluster,
          source: entry.source,
          annotations: stringMap(entry.metadata.annotations),
        };
        this.services.push(service);
        this.#bucket(entry).services.push(service);
        const key = `${bucketKey(entry.cluster, entry.namespace)}\u0000${
          entry.name
        }`;
        const named = this.#servicesByName.get(key);
        if (named) {
          named.push(object as V1Service);
        } else {
          this.#servicesByName.set(key, [object as V1Service]);
        }
        return;
      }
      case 'HorizontalPodAutoscaler':
        this.#bucket(entry).hpas.push(object as HorizontalPodAutoscaler);
        return;
      case 'PodDisruptionBudget':
        this.#bucket(entry).pdbs.push(object as V1PodDisruptionBudget);
        return;
      case 'NetworkPolicy':
        this.#bucket(entry).networkPolicies.push(object as V1NetworkPolicy);
        return;
      case 'PersistentVolumeClaim':
        this.#bucket(entry).claims.set(
          entry.name,
          object as V1PersistentVolumeClaim,
        );
        return;
      case 'Node':
        // Nodes are cluster-scoped: keyed by cluster and name.
        this.#nodes.set(bucketKey(entry.cluster, entry.name), object as V1Node);
        return;
      default:
        return;
    }
  }

  #relate(bucket: NamespaceBucket) {
    const byTemplate = new LabelIndex<Workload>();
    for (const workload of bucket.workloads) {
      byTemplate.add(workload, workload.podLabels);
    }

    const byTarget = new Map<string, Workload>();
    for (const workload of bucket.workloads) {
      byTarget.set(`${workload.kind}/${workload.name}`, workload);
    }
    for (const hpa of bucket.hpas) {
      const ref = asRecord(asRecord(hpa.spec)?.scaleTargetRef);
      const target = byTarget.get(
        `${asString(ref?.kind)}/${asString(ref?.name)}`,
      );
      // With several HPAs on one target the first one counts, as
      // Kubernetes itself refuses to act on the conflict.
      if (target && !this.#hpa.has(target)) {
        this.#hpa.set(target, hpa);
      }
    }

    for (const pdb of bucket.pdbs) {
      const selector = asRecord(asRecord(pdb.spec)?.selector);
      // The contract: an absent or empty PDB selector selects nothing.
      if (!selector || isEmptySelector(selector)) {
        continue;
      }
      for (const workload of byTemplate.select(selector as V1LabelSelector)) {
        append(this.#pdbs, workload, pdb);
      }
    }

    for (const policy of bucket.networkPolicies) {
      const spec = asRecord(policy.spec);
      // An absent podSelector is treated as empty: every pod.
      const selector =
        spec?.podSelector === undefined || spec?.podSelector === null
          ? {}
          : spec.podSelector;
      for (const workload of byTemplate.select(selector as V1LabelSelector)) {
        append(this.#networkPolicies, workload, policy);
      }
    }

    for (const service of bucket.services) {
      const selector = stringMap(asRecord(service.object.spec)?.selector);
      this.#serviceTargets.set(service, byTemplate.selectMap(selector));
    }

    if (bucket.ownedPods.length > 0) {
      this.#relatePods(bucket);
    }
  }

  #relatePods(bucket: NamespaceBucket) {
    const pods = new LabelIndex<V1Pod>();
    for (const pod of bucket.ownedPods) {
      pods.add(pod, stringMap(asRecord(pod.metadata)?.labels));
    }
    for (const workload of bucket.workloads) {
      if (workload.kind === 'Pod' || !workload.selector) {
        continue;
      }
      const own = pods
        .select(workload.selector)
        .filter(pod => belongsTo(pod, workload, bucket));
      this.#pods.set(workload, own);
    }
  }
}

/**
 * Whether a selected pod is this controller's: its owner (resolved through
 * its ReplicaSet for Deployments) must be the controller when it is known.
 */
function belongsTo(pod: V1Pod, workload: Workload, bucket: NamespaceBucket) {
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
      bucket.replicaSetOwners.get(owner.name) ??
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

/** The controlling owner reference, else the first one. */
function ownerOf(metadata: Dict): { kind: string; name: string } | undefined {
  const owners = records(metadata.ownerReferences);
  const owner = owners.find(ref => ref.controller === true) ?? owners[0];
  if (!owner) {
    return undefined;
  }
  return { kind: asString(owner.kind) ?? '', name: asString(owner.name) ?? '' };
}

function toWorkload(entry: Entry, kind: WorkloadKind): Workload {
  const spec = asRecord(entry.object.spec) ?? {};
  const template = kind === 'Pod' ? entry.object : asRecord(spec.template);
  const templateMetadata = asRecord(template?.metadata) ?? {};
  const podSpec = (asRecord(template?.spec) ?? {}) as unknown as V1PodSpec;
  return {
    kind,
    object: entry.object as KubernetesObject,
    name: entry.name,
    namespace: entry.namespace,
    cluster: entry.cluster,
    source: entry.source,
    annotations: stringMap(entry.metadata.annotations),
    spec,
    status: asRecord(entry.object.status),
    podSpec,
    podLabels: stringMap(templateMetadata.labels),
    containers: records<V1Container>(podSpec.containers),
    initContainers: records<V1Container>(podSpec.initContainers),
    selector:
      kind === 'Pod'
        ? undefined
        : (asRecord(spec.selector) as V1LabelSelector | undefined),
  };
}

/** Expands `List` objects and drops what is not an object with a kind. */
function flatten(input: EvaluationObject): Entry[] {
  if (!isRecord(input) || !isRecord(input.object)) {
    return [];
  }
  const cluster = typeof input.cluster === 'string' ? input.cluster : undefined;
  const source = isRecord(input.source)
    ? (input.source as unknown as SourceLocation)
    : undefined;
  const object = input.object as unknown as Dict;
  const kind = asString(object.kind);
  if (kind && /List$/.test(kind) && Array.isArray(object.items)) {
    // Items of a typed list (PodList) may omit their kind.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -4);
    return records(object.items).flatMap(item =>
      flatten({
        object: (item.kind || !itemKind
          ? item
          : { ...item, kind: itemKind }) as KubernetesObject,
        cluster,
        source,
      }),
    );
  }
  if (!kind || !(kind in KIND_GROUPS)) {
    return [];
  }
  const apiVersion = asString(object.apiVersion);
  if (apiVersion !== undefined) {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    if (group !== KIND_GROUPS[kind]) {
      return [];
    }
  }
  const metadata = asRecord(object.metadata) ?? {};
  return [
    {
      kind,
      object,
      metadata,
      name: asNonEmptyString(metadata.name) ?? '(unnamed)',
      namespace: asNonEmptyString(metadata.namespace) ?? 'default',
      cluster,
      source,
    },
  ];
}

function isEmptySelector(selector: Dict) {
  const labels = asRecord(selector.matchLabels);
  const expressions = selector.matchExpressions;
  return (
    (!labels || Object.keys(labels).length === 0) &&
    (!Array.isArray(expressions) || expressions.length === 0)
  );
}

function bucketKey(cluster: string | undefined, name: string) {
  // A manifest set and a cluster named like it must never share a bucket.
  return cluster === undefined
    ? `m\u0000${name}`
    : `c\u0000${cluster}\u0000${name}`;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
