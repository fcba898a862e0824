import type {
  V1LabelSelector,
  V1NetworkPolicy,
  V1Pod,
  V1PodDisruptionBudget,
  V1Service,
} from '@kubernetes/client-node';
import type { Autoscaler, ServiceTarget, Workload } from './model';
import { REPLICATED_KINDS } from './model';
import { asRecord, Dict, hasOwn, stringMap } from './read';
import { LabelIndex, mapSelectorMatches } from './selectors';

/**
 * The objects of a workload's namespace that relate to it.
 *
 * @internal
 */
export interface WorkloadRelations {
  /** The autoscaler that targets it (the lowest minimum, when several do). */
  autoscaler: Autoscaler | undefined;
  pdbs: V1PodDisruptionBudget[];
  networkPolicies: V1NetworkPolicy[];
  /** Live pods it owns; a bare Pod is its own. */
  pods: V1Pod[];
  /** Services that select its pods. */
  services: V1Service[];
}

/**
 * What a Service of the set selects.
 *
 * @internal
 */
export interface ServiceRelations {
  workloads: Workload[];
  /** Live pods of its namespace that its selector matches. */
  selectedPods: number;
}

/**
 * What an autoscaler's `scaleTargetRef` names in its namespace.
 *
 * @internal
 */
export interface AutoscalerRelations {
  target: Workload | undefined;
  /** The Rollout that uses the Deployment it names as its template. */
  replacedBy: Workload | undefined;
  /** Workloads with replicas of its namespace that no autoscaler targets. */
  unscaled: readonly Workload[];
}

/**
 * Labels that controllers add to the pods they create: a selector on one
 * matches the pods of a workload of that kind, whatever its value.
 */
const CONTROLLER_LABELS: Record<string, readonly string[]> = {
  'pod-template-hash': ['Deployment'],
  'rollouts-pod-template-hash': ['Rollout'],
  'statefulset.kubernetes.io/pod-name': ['StatefulSet'],
  'apps.kubernetes.io/pod-index': ['StatefulSet'],
  'controller-revision-hash': ['StatefulSet', 'DaemonSet'],
};

/**
 * The objects of one namespace (of one cluster, or of the manifest set)
 * that relate to each other.
 *
 * @internal
 */
export interface NamespaceObjects {
  workloads: readonly Workload[];
  services: readonly ServiceTarget[];
  autoscalers: readonly Autoscaler[];
  /** Deployments whose pod template a Rollout uses, by name, to that Rollout. */
  replacedDeployments: ReadonlyMap<string, Workload>;
  pdbs: readonly V1PodDisruptionBudget[];
  networkPolicies: readonly V1NetworkPolicy[];
  /** Live pods that controllers own. */
  ownedPods: readonly V1Pod[];
}

/**
 * Relates the objects of one namespace: HPAs by target, PDBs and
 * NetworkPolicies by their selector over pod template labels, and the
 * workloads each Service selects. Each workload's pods are left empty
 * (`ownership.ts` fills them in for live objects).
 *
 * @internal
 */
export function relateNamespace(
  objects: NamespaceObjects,
  into: {
    relations: Map<Workload, WorkloadRelations>;
    serviceRelations: Map<ServiceTarget, ServiceRelations>;
    autoscalerRelations: Map<Autoscaler, AutoscalerRelations>;
  },
) {
  const { relations, serviceRelations } = into;
  for (const workload of objects.workloads) {
    relations.set(workload, {
      autoscaler: undefined,
      pdbs: [],
      networkPolicies: [],
      pods: workload.kind === 'Pod' ? [workload.object as V1Pod] : [],
      services: [],
    });
  }
  const byTemplate = new LabelIndex<Workload>();
  for (const workload of objects.workloads) {
    byTemplate.add(workload, workload.podLabels);
  }

  if (objects.autoscalers.length > 0) {
    relateAutoscalers(objects, relations, into.autoscalerRelations);
  }
  for (const pdb of objects.pdbs) {
    const selector = asRecord(asRecord(pdb.spec)?.selector);
    // The contract: an absent or empty PDB selector selects nothing.
    if (selector && !isEmptySelector(selector)) {
      for (const workload of byTemplate.select(selector as V1LabelSelector)) {
        relations.get(workload)!.pdbs.push(pdb);
      }
    }
  }
  for (const policy of objects.networkPolicies) {
    // An absent podSelector is treated as empty: every pod.
    const selector = asRecord(policy.spec)?.podSelector ?? {};
    for (const workload of byTemplate.select(selector as V1LabelSelector)) {
      relations.get(workload)!.networkPolicies.push(policy);
    }
  }

  for (const service of objects.services) {
    const selector = stringMap(asRecord(service.object.spec)?.selector);
    const workloads = selectedBy(selector, byTemplate, objects.workloads);
    for (const workload of workloads) {
      relations.get(workload)!.services.push(service.object);
    }
    serviceRelations.set(service, {
      workloads,
      selectedPods:
        workloads.length === 0 && objects.ownedPods.length > 0
          ? objects.ownedPods.filter(pod =>
              mapSelectorMatches(
                selector,
                stringMap(asRecord(pod.metadata)?.labels),
              ),
            ).length
          : 0,
    });
  }
}

/**
 * The workloads whose pods a Service selector matches: on their pod
 * template labels, and on the labels their controller adds to each pod.
 */
function selectedBy(
  selector: Record<string, string>,
  byTemplate: LabelIndex<Workload>,
  workloads: readonly Workload[],
): Workload[] {
  let added: string[] | undefined;
  let declared: Record<string, string> | undefined;
  for (const key in selector) {
    if (hasOwn(CONTROLLER_LABELS, key)) {
      (added ??= []).push(key);
    } else {
      (declared ??= {})[key] = selector[key];
    }
  }
  if (!added) {
    return byTemplate.selectMap(selector);
  }
  const candidates = declared ? byTemplate.selectMap(declared) : workloads;
  return candidates.filter(workload =>
    added!.every(
      key =>
        CONTROLLER_LABELS[key].includes(workload.kind) ||
        workload.podLabels[key] === selector[key],
    ),
  );
}

function relateAutoscalers(
  objects: NamespaceObjects,
  relations: Map<Workload, WorkloadRelations>,
  autoscalerRelations: Map<Autoscaler, AutoscalerRelations>,
) {
  const byTarget = new Map<string, Workload>();
  for (const workload of objects.workloads) {
    byTarget.set(`${workload.kind}/${workload.name}`, workload);
  }
  const unscaled: Workload[] = [];
  for (const autoscaler of objects.autoscalers) {
    const { targetKind: kind, targetName: name } = autoscaler;
    const target = byTarget.get(`${kind}/${name}`);
    autoscalerRelations.set(autoscaler, {
      target,
      replacedBy:
        kind === 'Deployment' && name !== undefined
          ? objects.replacedDeployments.get(name)
          : undefined,
      unscaled,
    });
    // With several autoscalers on one target the lowest minimum counts:
    // that is how few replicas may be left running.
    const related = target && relations.get(target);
    if (related && lowerMinimum(autoscaler, related.autoscaler)) {
      related.autoscaler = autoscaler;
    }
  }
  // Filled once every autoscaler is related; shared by all of them.
  for (const workload of objects.workloads) {
    if (
      REPLICATED_KINDS.includes(workload.kind) &&
      !relations.get(workload)!.autoscaler
    ) {
      unscaled.push(workload);
    }
  }
}

function lowerMinimum(a: Autoscaler, than: Autoscaler | undefined): boolean {
  if (!than) {
    return true;
  }
  // An unreadable minimum wins: the checks then say it cannot be read.
  if (than.min.problem !== undefined) {
    return false;
  }
  return a.min.problem !== undefined || a.min.value < than.min.value;
}

function isEmptySelector(selector: Dict) {
  const labels = asRecord(selector.matchLabels);
  const expressions = selector.matchExpressions;
  return (
    (!labels || Object.keys(labels).length === 0) &&
    (!Array.isArray(expressions) || expressions.length === 0)
  );
}
