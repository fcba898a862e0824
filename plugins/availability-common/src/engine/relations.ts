import type {
  V1LabelSelector,
  V1NetworkPolicy,
  V1Pod,
  V1PodDisruptionBudget,
} from '@kubernetes/client-node';
import type { HorizontalPodAutoscaler, ServiceTarget, Workload } from './model';
import { asRecord, asString, Dict, stringMap } from './read';
import { LabelIndex } from './selectors';

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
}

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
    serviceTargets: Map<ServiceTarget, Workload[]>;
  },
) {
  const { relations, serviceTargets } = into;
  for (const workload of objects.workloads) {
    relations.set(workload, {
      hpa: undefined,
      pdbs: [],
      networkPolicies: [],
      pods: workload.kind === 'Pod' ? [workload.object as V1Pod] : [],
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
    serviceTargets.set(service, byTemplate.selectMap(selector));
  }
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
