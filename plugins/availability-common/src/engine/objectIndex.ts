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
  hasOwn,
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

/** `apiVersion` prefixes of the groups above (`apps/`), computed once. */
const GROUP_PREFIXES: Record<string, string> = Object.fromEntries(
  Object.entries(KIND_GROUPS).map(([kind, group]) => [kind, `${group}/`]),
);

/** A shared empty list for lookups that find nothing; never mutated. */
const NONE = Object.freeze([]) as unknown as never[];

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
  readonly servicesByName = new Map<string, V1Service[]>();
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
  /** Manifest buckets by namespace. */
  readonly #manifests = new Map<string, NamespaceBucket>();
  /** Cluster buckets by cluster, then namespace. */
  readonly #clusters = new Map<string, Map<string, NamespaceBucket>>();
  /** Nodes by cluster, then name (Nodes are cluster-scoped). */
  readonly #nodes = new Map<string | undefined, Map<string, V1Node>>();
  readonly #serviceTargets = new Map<ServiceTarget, Workload[]>();

  static build(objects: readonly EvaluationObject[]): ObjectIndex {
    const index = new ObjectIndex();
    const add = (entry: Entry) => index.#add(entry);
    for (const input of Array.isArray(objects) ? objects : []) {
      if (isRecord(input) && isRecord(input.object)) {
        visit(
          input.object as unknown as Dict,
          typeof input.cluster === 'string' ? input.cluster : undefined,
          isRecord(input.source)
            ? (input.source as unknown as SourceLocation)
            : undefined,
          add,
        );
      }
    }
    for (const bucket of index.#manifests.values()) {
      index.#relate(bucket);
    }
    for (const buckets of index.#clusters.values()) {
      for (const bucket of buckets.values()) {
        index.#relate(bucket);
      }
    }
    return index;
  }

  hpaFor(workload: Workload): HorizontalPodAutoscaler | undefined {
    return relationsOf(workload)?.hpa;
  }

  pdbsFor(workload: Workload): V1PodDisruptionBudget[] {
    return relationsOf(workload)?.pdbs ?? NONE;
  }

  networkPoliciesFor(workload: Workload): V1NetworkPolicy[] {
    return relationsOf(workload)?.networkPolicies ?? NONE;
  }

  podsFor(workload: Workload): V1Pod[] {
    if (workload.kind === 'Pod') {
      return [workload.object as V1Pod];
    }
    return relationsOf(workload)?.pods ?? NONE;
  }

  workloadsSelectedBy(service: ServiceTarget): Workload[] {
    return this.#serviceTargets.get(service) ?? NONE;
  }

  workloadsInNamespaceOf(target: { cluster?: string; namespace: string }) {
    return this.#find(target)?.workloads.length ?? 0;
  }

  servicesNamed(
    target: { cluster?: string; namespace: string },
    name: string,
  ): V1Service[] {
    return this.#find(target)?.servicesByName.get(name) ?? NONE;
  }

  claimNamed(
    target: { cluster?: string; namespace: string },
    name: string,
  ): V1PersistentVolumeClaim | undefined {
    return this.#find(target)?.claims.get(name);
  }

  nodeNamed(cluster: string | undefined, name: string): V1Node | undefined {
    return this.#nodes.get(cluster)?.get(name);
  }

  #find(target: {
    cluster?: string;
    namespace: string;
  }): NamespaceBucket | undefined {
    return target.cluster === undefined
      ? this.#manifests.get(target.namespace)
      : this.#clusters.get(target.cluster)?.get(target.namespace);
  }

  #bucket(entry: { cluster?: string; namespace: string }) {
    // A manifest set and a cluster named like it never share a bucket.
    let buckets: Map<string, NamespaceBucket> | undefined = this.#manifests;
    if (entry.cluster !== undefined) {
      buckets = this.#clusters.get(entry.cluster);
      if (!buckets) {
        buckets = new Map();
        this.#clusters.set(entry.cluster, buckets);
      }
    }
    let bucket = buckets.get(entry.namespace);
    if (!bucket) {
      bucket = new NamespaceBucket();
      buckets.set(entry.namespace, bucket);
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
        const bucket = this.#bucket(entry);
        bucket.services.push(service);
        append(bucket.servicesByName, entry.name, object as V1Service);
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
      case 'Node': {
        // Nodes are cluster-scoped: keyed by cluster and name.
        let nodes = this.#nodes.get(entry.cluster);
        if (!nodes) {
          nodes = new Map();
          this.#nodes.set(entry.cluster, nodes);
        }
        nodes.set(entry.name, object as V1Node);
        return;
      }
      default:
        return;
    }
  }

  #relate(bucket: NamespaceBucket) {
    const byTemplate = new LabelIndex<Workload>();
    for (const workload of bucket.workloads) {
      byTemplate.add(workload, workload.podLabels);
    }

    const byTarget = new Map<string, Map<string, Workload>>();
    if (bucket.hpas.length > 0) {
      for (const workload of bucket.workloads) {
        let named = byTarget.get(workload.kind);
        if (!named) {
          named = new Map();
          byTarget.set(workload.kind, named);
        }
        named.set(workload.name, workload);
      }
    }
    for (const hpa of bucket.hpas) {
      const ref = asRecord(asRecord(hpa.spec)?.scaleTargetRef);
      const kind = asString(ref?.kind);
      const name = asString(ref?.name);
      const target =
        kind === undefined || name === undefined
          ? undefined
          : byTarget.get(kind)?.get(name);
      // With several HPAs on one target the first one counts, as
      // Kubernetes itself refuses to act on the conflict.
      const related = target && relationsOf(target);
      if (related && !related.hpa) {
        related.hpa = hpa;
      }
    }

    for (const pdb of bucket.pdbs) {
      const selector = asRecord(asRecord(pdb.spec)?.selector);
      // The contract: an absent or empty PDB selector selects nothing.
      if (!selector || isEmptySelector(selector)) {
        continue;
      }
      for (const workload of byTemplate.select(selector as V1LabelSelector)) {
        const related = relationsOf(workload);
        if (related?.pdbs === NONE) {
          related.pdbs = [pdb];
        } else {
          related?.pdbs.push(pdb);
        }
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
        const related = relationsOf(workload);
        if (related?.networkPolicies === NONE) {
          related.networkPolicies = [policy];
        } else {
          related?.networkPolicies.push(policy);
        }
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
      const related = relationsOf(workload);
      if (related) {
        related.pods = own;
      }
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

/**
 * What the index relates to a workload, kept on the workload object itself
 * (under a private symbol) rather than in maps keyed by workload.
 */
interface Relations {
  hpa?: HorizontalPodAutoscaler;
  pdbs: V1PodDisruptionBudget[];
  networkPolicies: V1NetworkPolicy[];
  pods: V1Pod[];
}

const RELATIONS = Symbol('relations');

function relationsOf(workload: Workload): Relations | undefined {
  return (workload as Workload & { [RELATIONS]?: Relations })[RELATIONS];
}

function toWorkload(entry: Entry, kind: WorkloadKind): Workload {
  const spec = asRecord(entry.object.spec) ?? {};
  const template = kind === 'Pod' ? entry.object : asRecord(spec.template);
  const templateMetadata = asRecord(template?.metadata) ?? {};
  const podSpec = (asRecord(template?.spec) ?? {}) as unknown as V1PodSpec;
  const workload: Workload & { [RELATIONS]: Relations } = {
    [RELATIONS]: {
      hpa: undefined,
      pdbs: NONE,
      networkPolicies: NONE,
      pods: NONE,
    },
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
  return workload;
}

/**
 * Hands each object with a kind we read to `add`, expanding `List` objects
 * and dropping anything else.
 */
function visit(
  object: Dict,
  cluster: string | undefined,
  source: SourceLocation | undefined,
  add: (entry: Entry) => void,
) {
  const kind = asString(object.kind);
  if (kind === undefined) {
    return;
  }
  if (kind.endsWith('List') && Array.isArray(object.items)) {
    // Items of a typed list (PodList) may omit their kind.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -4);
    for (const item of records(object.items)) {
      visit(
        item.kind || !itemKind ? item : { ...item, kind: itemKind },
        cluster,
        source,
        add,
      );
    }
    return;
  }
  if (!hasOwn(KIND_GROUPS, kind)) {
    return;
  }
  const apiVersion = asString(object.apiVersion);
  if (apiVersion !== undefined && !inGroup(apiVersion, kind)) {
    return;
  }
  const metadata = asRecord(object.metadata) ?? {};
  add({
    kind,
    object,
    metadata,
    name: asNonEmptyString(metadata.name) ?? '(unnamed)',
    namespace: asNonEmptyString(metadata.namespace) ?? 'default',
    cluster,
    source,
  });
}

/** Whether an `apiVersion` names the API group a kind must come from. */
function inGroup(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) {
    // `v1`: the core group.
    return KIND_GROUPS[kind] === '';
  }
  return apiVersion.startsWith(GROUP_PREFIXES[kind]);
}

function isEmptySelector(selector: Dict) {
  const labels = asRecord(selector.matchLabels);
  const expressions = selector.matchExpressions;
  return (
    (!labels || Object.keys(labels).length === 0) &&
    (!Array.isArray(expressions) || expressions.length === 0)
  );
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
