import type {
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodDisruptionBudget,
  V1Service,
} from '@kubernetes/client-node';
import type { EvaluationObject, ReportWarning } from '../types';
import { kedaOwnerOf, toAutoscaler } from './autoscalers';
import {
  ingest,
  IngestedObject,
  toWorkload,
  withReferencedTemplate,
  workloadRefOf,
} from './ingest';
import type { Autoscaler, ServiceTarget, Workload } from './model';
import { ownerOf, podsByController } from './ownership';
import {
  AutoscalerRelations,
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
  workloads: Workload[] = [];
  readonly ownedPods: V1Pod[] = [];
  readonly services: ServiceTarget[] = [];
  autoscalers: Autoscaler[] = [];
  /** HPAs that KEDA made, by the ScaledObject that made them. */
  readonly kedaHpas = new Map<string, Autoscaler>();
  /** Deployments whose template a Rollout uses, by name: not workloads. */
  readonly replacedDeployments = new Map<string, Workload>();
  readonly pdbs: V1PodDisruptionBudget[] = [];
  readonly networkPolicies: V1NetworkPolicy[] = [];
  readonly claims = new Map<string, V1PersistentVolumeClaim>();
  customResources = 0;
  readonly servicesByName = new Map<string, V1Service[]>();
  /** ReplicaSet name to the Deployment or Rollout that owns it. */
  readonly replicaSetOwners = new Map<string, { kind: string; name: string }>();
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
  workloads: Workload[] = [];
  readonly services: ServiceTarget[] = [];
  readonly autoscalers: Autoscaler[] = [];
  readonly warnings: ReportWarning[] = [];
  /** Manifest buckets by namespace. */
  readonly #manifests = new Map<string, NamespaceBucket>();
  /** Cluster buckets by cluster, then namespace. */
  readonly #clusters = new Map<string, Map<string, NamespaceBucket>>();
  /** Nodes by cluster, then name (Nodes are cluster-scoped). */
  readonly #nodes = new Map<string | undefined, Map<string, V1Node>>();
  readonly #relations = new Map<Workload, WorkloadRelations>();
  readonly #serviceRelations = new Map<ServiceTarget, ServiceRelations>();
  readonly #autoscalerRelations = new Map<Autoscaler, AutoscalerRelations>();

  static build(objects: readonly EvaluationObject[]): ObjectIndex {
    const index = new ObjectIndex();
    ingest(objects, {
      add: entry => index.#add(entry),
      customResource: entry => {
        index.#bucket(entry).customResources++;
      },
      warn: warning => index.warnings.push(warning),
    });
    const buckets = [
      ...index.#manifests.values(),
      ...[...index.#clusters.values()].flatMap(named => [...named.values()]),
    ];
    let replaced = false;
    for (const bucket of buckets) {
      replaced = index.#resolveReferences(bucket) || replaced;
      index.#relate(bucket);
    }
    if (replaced) {
      index.workloads = buckets.flatMap(bucket => bucket.workloads);
    }
    return index;
  }

  /** What relates to a workload of this index. */
  relationsOf(workload: Workload): WorkloadRelations {
    return this.#relations.get(workload)!;
  }

  /** What an autoscaler of this index targets. */
  autoscalerRelationsOf(autoscaler: Autoscaler): AutoscalerRelations {
    return this.#autoscalerRelations.get(autoscaler)!;
  }

  /** What relates to a Service of this index. */
  serviceRelationsOf(service: ServiceTarget): ServiceRelations {
    return this.#serviceRelations.get(service)!;
  }

  /** What the target's namespace holds. */
  namespaceOf(target: { cluster?: string; namespace: string }): {
    workloads: readonly Workload[];
    services: number;
    customResources: number;
  } {
    const bucket = this.#find(target);
    return {
      workloads: bucket?.workloads ?? NONE,
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
      case 'Rollout':
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
        if (owner?.kind === 'Deployment' || owner?.kind === 'Rollout') {
          this.#bucket(entry).replicaSetOwners.set(entry.name, owner);
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
      case 'HorizontalPodAutoscaler': {
        const autoscaler = toAutoscaler(entry, kind);
        const keda = kedaOwnerOf(entry);
        if (keda !== undefined) {
          // Set aside until its ScaledObject is known to be in the input.
          this.#bucket(entry).kedaHpas.set(keda, autoscaler);
        } else {
          this.#bucket(entry).autoscalers.push(autoscaler);
        }
        return;
      }
      case 'ScaledObject':
        this.#bucket(entry).autoscalers.push(toAutoscaler(entry, kind));
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

  /**
   * What objects of one namespace stand for: a Rollout with `workloadRef`
   * takes the named Deployment's pod template (that Deployment is then not
   * a workload of its own), and the HPA KEDA made for a ScaledObject is one
   * autoscaler with it. True when a Deployment was set aside.
   */
  #resolveReferences(bucket: NamespaceBucket): boolean {
    if (bucket.kedaHpas.size > 0) {
      const scaledObjects = new Map(
        bucket.autoscalers
          .filter(a => a.kind === 'ScaledObject')
          .map(a => [a.name, a]),
      );
      for (const [owner, hpa] of bucket.kedaHpas) {
        const scaledObject = scaledObjects.get(owner);
        if (scaledObject) {
          scaledObject.status = hpa.status;
        } else {
          bucket.autoscalers.push(hpa);
        }
      }
    }
    this.autoscalers.push(...bucket.autoscalers);
    const rollouts = bucket.workloads.filter(w => workloadRefOf(w));
    if (rollouts.length === 0) {
      return false;
    }
    const deployments = new Map(
      bucket.workloads
        .filter(w => w.kind === 'Deployment')
        .map(w => [w.name, w]),
    );
    const resolved = new Map<Workload, Workload>();
    for (const rollout of rollouts) {
      const ref = workloadRefOf(rollout)!;
      const deployment =
        ref.kind === 'Deployment' ? deployments.get(ref.name) : undefined;
      resolved.set(rollout, withReferencedTemplate(rollout, ref, deployment));
      if (deployment) {
        bucket.replacedDeployments.set(deployment.name, resolved.get(rollout)!);
      }
    }
    bucket.workloads = bucket.workloads.flatMap(workload => {
      if (
        workload.kind === 'Deployment' &&
        bucket.replacedDeployments.has(workload.name)
      ) {
        return [];
      }
      return [resolved.get(workload) ?? workload];
    });
    return true;
  }

  #relate(bucket: NamespaceBucket) {
    relateNamespace(bucket, {
      relations: this.#relations,
      serviceRelations: this.#serviceRelations,
      autoscalerRelations: this.#autoscalerRelations,
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
