import type {
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodDisruptionBudget,
  V1Service,
} from '@kubernetes/client-node';
import type { EvaluationObject, ReportWarning } from '../types';
import { ingest, IngestedObject, toWorkload } from './ingest';
import type { HorizontalPodAutoscaler, ServiceTarget, Workload } from './model';
import { ownerOf, podsByController } from './ownership';
import {
  NamespaceObjects,
  relateNamespace,
  ServiceRelations,
  WorkloadRelations,
} from './relations';
import { stringMap } from './read';

/** A shared empty list for lookups that find nothing; never mutated. */
const NONE = Object.freeze([]) as unknown as never[];

/** Objects of one namespace of one cluster (or of the manifest set). */
class NamespaceBucket implements NamespaceObjects {
  readonly workloads: Workload[] = [];
  readonly ownedPods: V1Pod[] = [];
  readonly services: ServiceTarget[] = [];
  readonly hpas: HorizontalPodAutoscaler[] = [];
  readonly pdbs: V1PodDisruptionBudget[] = [];
  readonly networkPolicies: V1NetworkPolicy[] = [];
  readonly claims = new Map<string, V1PersistentVolumeClaim>();
  customResources = 0;
  readonly servicesByName = new Map<string, V1Service[]>();
  /** ReplicaSet name to the Deployment that owns it. */
  readonly replicaSetOwners = new Map<string, string>();
}

/**
 * Every input object, indexed once by cluster, namespace and kind, with the
 * relations the checks need worked out up front (`relations.ts`,
 * `ownership.ts`) so that evaluation stays close to linear in the size of
 * the input. Objects only ever relate within one namespace of one cluster
 * (or of the manifest set).
 *
 * @internal
 */
export class ObjectIndex {
  readonly workloads: Workload[] = [];
  readonly services: ServiceTarget[] = [];
  readonly warnings: ReportWarning[] = [];
  /** Manifest buckets by namespace. */
  readonly #manifests = new Map<string, NamespaceBucket>();
  /** Cluster buckets by cluster, then namespace. */
  readonly #clusters = new Map<string, Map<string, NamespaceBucket>>();
  /** Nodes by cluster, then name (Nodes are cluster-scoped). */
  readonly #nodes = new Map<string | undefined, Map<string, V1Node>>();
  readonly #relations = new Map<Workload, WorkloadRelations>();
  readonly #serviceRelations = new Map<ServiceTarget, ServiceRelations>();

  static build(objects: readonly EvaluationObject[]): ObjectIndex {
    const index = new ObjectIndex();
    ingest(objects, {
      add: entry => index.#add(entry),
      customResource: entry => {
        index.#bucket(entry).customResources++;
      },
      warn: warning => index.warnings.push(warning),
    });
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

  /** What relates to a workload of this index. */
  relationsOf(workload: Workload): WorkloadRelations {
    return this.#relations.get(workload)!;
  }

  /** What relates to a Service of this index. */
  serviceRelationsOf(service: ServiceTarget): ServiceRelations {
    return this.#serviceRelations.get(service)!;
  }

  /** Counts of the target's namespace. */
  namespaceOf(target: { cluster?: string; namespace: string }): {
    workloads: number;
    services: number;
    customResources: number;
  } {
    const bucket = this.#find(target);
    return {
      workloads: bucket?.workloads.length ?? 0,
      services: bucket?.services.length ?? 0,
      customResources: bucket?.customResources ?? 0,
    };
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

  #add(entry: IngestedObject) {
    const { kind, object } = entry;
    switch (kind) {
      case 'Deployment':
      case 'StatefulSet':
      case 'DaemonSet':
        this.#addWorkload(toWorkload(entry, kind));
        return;
      case 'Pod':
        // On a cluster, a Pod with owners is runtime evidence of its
        // controller; in manifests every Pod is a workload of its own.
        if (entry.cluster !== undefined && ownerOf(entry.metadata)) {
          this.#bucket(entry).ownedPods.push(object as V1Pod);
        } else {
          this.#addWorkload(toWorkload(entry, 'Pod'));
        }
        return;
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
        const named = bucket.servicesByName.get(entry.name);
        if (named) {
          named.push(service.object);
        } else {
          bucket.servicesByName.set(entry.name, [service.object]);
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

  #addWorkload(workload: Workload) {
    this.workloads.push(workload);
    this.#bucket(workload).workloads.push(workload);
  }

  #relate(bucket: NamespaceBucket) {
    relateNamespace(bucket, {
      relations: this.#relations,
      serviceRelations: this.#serviceRelations,
    });
    if (bucket.ownedPods.length > 0) {
      const owned = podsByController({
        workloads: bucket.workloads,
        pods: bucket.ownedPods,
        replicaSetOwners: bucket.replicaSetOwners,
      });
      for (const [workload, pods] of owned) {
        this.#relations.get(workload)!.pods = pods;
      }
    }
  }
}
