import type {
  V1LabelSelector,
  V1NetworkPolicy,
  V1Pod,
  V1PodDisruptionBudget,
  V1Service,
} from '@kubernetes/client-node';
import type { HorizontalPodAutoscaler, ServiceTarget, Workload } from './model';
import { asRecord, asString, Dict, hasOwn, stringMap } from './read';
import { LabelIndex, mapSelectorMatches } from './selectors';

/**
 * The objects of a workload's namespace that relate to it.
 *
 * @internal
 */
export interface WorkloadRelations {
  /** The HPA that targets it (the first one, when several do). */
  hpa: HorizontalPodAutoscaler | undefined;
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
  hpas: readonly HorizontalPodAutoscaler[];
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
  },
) {
  const { relations, serviceRelations } = into;
  for (const workload of objects.workloads) {
    relations.set(workload, {
      hpa: undefined,
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

  if (objects.hpas.length > 0) {
    relateAutoscalers(objects, relations);
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
) {
  const byTarget = new Map<string, Map<string, Workload>>();
  for (const workload of objects.workloads) {
    let named = byTarget.get(workload.kind);
    if (!named) {
      named = new Map();
      byTarget.set(workload.kind, named);
    }
    named.set(workload.name, workload);
  }
  for (const hpa of objects.hpas) {
    const ref = asRecord(asRecord(hpa.spec)?.scaleTargetRef);
    const kind = asString(ref?.kind);
    const name = asString(ref?.name);
    const target =
      kind === undefined || name === undefined
        ? undefined
        : byTarget.get(kind)?.get(name);
    // With several HPAs on one target the first one counts, as
    // Kubernetes itself refuses to act on the conflict.
    const related = target && relations.get(target);
    if (related && !related.hpa) {
      related.hpa = hpa;
    }
  }
}

function isEmptySelector(selector: Dict) {
  const labels = asRecord(selector.matchLabels);
  const expressions = selector.matchExpressions;
  return (
    (!labels || Object.keys(labels).length === 0) &&
    (!Array.isArray(expressions) || expressions.length === 0)
  );
}
