import { labelSelectorMatches } from '@availability-backstage/plugin-availability-common';
import type { KubernetesObject } from '../KubernetesObjectsSource';
import { EntityScope, KUBERNETES_ID_LABEL } from './entityScope';
import type { LabelSelector } from './labelSelectorText';

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);

type Labels = Record<string, string>;

function labelsOf(value: unknown): Labels {
  const labels = (value as { labels?: unknown } | undefined)?.labels;
  const result: Labels = {};
  if (labels && typeof labels === 'object') {
    for (const [key, v] of Object.entries(labels)) {
      if (typeof v === 'string') result[key] = v;
    }
  }
  return result;
}

function namespaceOf(object: KubernetesObject): string {
  return object.metadata?.namespace || 'default';
}

function spec(object: KubernetesObject): Record<string, any> {
  return ((object as { spec?: unknown }).spec ?? {}) as Record<string, any>;
}

/** The labels a workload's pods carry (a pod's own labels for a Pod). */
function podLabels(object: KubernetesObject): Labels {
  return object.kind === 'Pod'
    ? labelsOf(object.metadata)
    : labelsOf(spec(object).template?.metadata);
}

function claimNames(object: KubernetesObject): string[] {
  const podSpec =
    object.kind === 'Pod' ? spec(object) : spec(object).template?.spec;
  const volumes: unknown[] = Array.isArray(podSpec?.volumes)
    ? podSpec.volumes
    : [];
  return volumes.flatMap(v => {
    const name = (v as any)?.persistentVolumeClaim?.claimName;
    return typeof name === 'string' ? [name] : [];
  });
}

/**
 * One cluster's objects from one pass, indexed so that each entity finds its
 * own without a scan: workloads, pods and Services by their
 * `backstage.io/kubernetes-id` label (or, for selector entities, by their
 * label pairs), the related types by namespace.
 */
export class ClusterSnapshot {
  readonly #byId = new Map<string, KubernetesObject[]>();
  readonly #owned: KubernetesObject[] = [];
  readonly #relatedByNamespace = new Map<string, KubernetesObject[]>();
  /** Deployments by namespace and name, for the Rollouts that reference them. */
  readonly #deployments = new Map<string, KubernetesObject>();
  #byLabelPair?: Map<string, KubernetesObject[]>;

  add(object: KubernetesObject, scope: 'entity' | 'related') {
    if (scope === 'related') {
      push(this.#relatedByNamespace, namespaceOf(object), object);
      return;
    }
    this.#owned.push(object);
    if (object.kind === 'Deployment') {
      this.#deployments.set(
        `${namespaceOf(object)}/${object.metadata?.name}`,
        object,
      );
    }
    const id = labelsOf(object.metadata)[KUBERNETES_ID_LABEL];
    if (id) push(this.#byId, id, object);
  }

  /** The entity's objects in this cluster, related ones included. */
  objectsFor(scope: EntityScope): KubernetesObject[] {
    const candidates =
      scope.by === 'id'
        ? this.#byId.get(scope.id) ?? []
        : this.#selected(scope.selector);
    const direct = scope.namespace
      ? candidates.filter(o => namespaceOf(o) === scope.namespace)
      : candidates;
    const own = [...direct, ...this.#referencedBy(direct)];
    return own.length ? [...own, ...this.#relatedTo(own)] : [];
  }

  /**
   * The Deployments whose pod template the entity's Rollouts use
   * (`workloadRef`), which need not carry the entity's labels themselves.
   */
  #referencedBy(own: KubernetesObject[]): KubernetesObject[] {
    const referenced: KubernetesObject[] = [];
    for (const object of own) {
      const ref =
        object.kind === 'Rollout' ? spec(object).workloadRef : undefined;
      const deployment =
        ref && (ref.kind ?? 'Deployment') === 'Deployment'
          ? this.#deployments.get(`${namespaceOf(object)}/${ref.name}`)
          : undefined;
      if (deployment && !own.includes(deployment)) {
        referenced.push(deployment);
      }
    }
    return referenced;
  }

  #selected(selector: LabelSelector | undefined): KubernetesObject[] {
    if (!selector) return [];
    // Narrow by one equality pair when there is one; match the rest.
    const [key, value] = Object.entries(selector.matchLabels ?? {})[0] ?? [];
    const candidates =
      key === undefined
        ? this.#owned
        : this.#labelPairs().get(`${key}=${value}`) ?? [];
    return candidates.filter(o =>
      labelSelectorMatches(selector, labelsOf(o.metadata)),
    );
  }

  #labelPairs(): Map<string, KubernetesObject[]> {
    if (!this.#byLabelPair) {
      this.#byLabelPair = new Map();
      for (const object of this.#owned) {
        for (const [k, v] of Object.entries(labelsOf(object.metadata))) {
          push(this.#byLabelPair, `${k}=${v}`, object);
        }
      }
    }
    return this.#byLabelPair;
  }

  /**
   * Budgets and policies that select the entity's pods, autoscalers that
   * target its workloads and claims its pods mount, in their namespaces.
   */
  #relatedTo(own: KubernetesObject[]): KubernetesObject[] {
    const byNamespace = new Map<string, KubernetesObject[]>();
    for (const object of own) push(byNamespace, namespaceOf(object), object);
    const related: KubernetesObject[] = [];
    for (const [namespace, objects] of byNamespace) {
      const candidates = this.#relatedByNamespace.get(namespace);
      if (!candidates) continue;
      const workloads = objects.filter(
        o => WORKLOAD_KINDS.has(o.kind ?? '') || o.kind === 'Pod',
      );
      const labelSets = workloads.map(podLabels);
      const targets = new Set(
        workloads
          .filter(o => o.kind !== 'Pod')
          .map(o => `${o.kind}/${o.metadata?.name}`),
      );
      const claims = new Set(workloads.flatMap(claimNames));
      for (const candidate of candidates) {
        if (relates(candidate, labelSets, targets, claims)) {
          related.push(candidate);
        }
      }
    }
    return related;
  }
}

function relates(
  object: KubernetesObject,
  labelSets: Labels[],
  targets: Set<string>,
  claims: Set<string>,
): boolean {
  switch (object.kind) {
    case 'PodDisruptionBudget':
      return labelSets.some(l =>
        labelSelectorMatches(spec(object).selector, l),
      );
    case 'NetworkPolicy':
      return labelSets.some(l =>
        labelSelectorMatches(spec(object).podSelector, l),
      );
    case 'HorizontalPodAutoscaler':
    case 'ScaledObject': {
      const ref = spec(object).scaleTargetRef ?? {};
      const kind =
        ref.kind ?? (object.kind === 'ScaledObject' ? 'Deployment' : undefined);
      return targets.has(`${kind}/${ref.name}`);
    }
    case 'PersistentVolumeClaim':
      return claims.has(object.metadata?.name ?? '');
    default:
      return false;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
