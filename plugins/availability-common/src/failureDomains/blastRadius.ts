import type { PodEvidence } from '../types';
import { countBy, LiveWorkload, liveWorkloads, readyPods } from './livePods';
import type {
  BlastRadius,
  ClusterInput,
  DomainImpact,
  DomainRisk,
  ServiceImpact,
  WorkloadImpact,
  WorkloadWorstDomains,
} from './types';
import { worstOfCounts } from './worstDomains';

const SEVERITY: Record<DomainImpact, number> = {
  dark: 3,
  'below-minimum': 2,
  unknown: 1,
};

/**
 * For each node and zone of a cluster, the entities and workloads that would
 * lose every ready pod, or fall below their PDB's minimum, if it failed; and
 * each workload's worst node and zone. Read from live pods only: a pod whose
 * node or zone is not known is never put in a domain, and where that leaves
 * the outcome open the impact is `unknown`.
 *
 * @public
 */
export function blastRadius(input: ClusterInput): BlastRadius {
  return blastRadiusOf(input, liveWorkloads(input));
}

/** @internal */
export function blastRadiusOf(
  input: ClusterInput,
  workloads: readonly LiveWorkload[],
): BlastRadius {
  const missing: string[] = [];
  const zoneOfNode = new Map<string, string>();
  const nodes = new Map<string, DomainRisk>();
  const zones = new Map<string, DomainRisk>();
  const unzoned: string[] = [];
  if (input.nodes) {
    for (const node of input.nodes) {
      nodeRisk(nodes, node.name);
      if (node.zone) {
        zoneOfNode.set(node.name, node.zone);
      } else {
        unzoned.push(node.name);
      }
    }
  } else {
    missing.push(
      `The Node list of ${input.cluster} could not be read: only nodes that run pods are shown, with the zones the pods reported.`,
    );
  }
  if (unzoned.length) {
    missing.push(`Nodes without a zone label: ${unzoned.join(', ')}.`);
  }

  const worst: WorkloadWorstDomains[] = [];
  // Each domain's services by entity ref, to merge the workloads of one entity.
  const services = new Map<DomainRisk, Map<string, ServiceImpact>>();
  for (const workload of workloads) {
    const zoneOf = (pod: PodEvidence) =>
      pod.zone ??
      (pod.node !== undefined ? zoneOfNode.get(pod.node) : undefined);
    for (const pod of workload.pods) {
      if (pod.node !== undefined) {
        const zone = zoneOf(pod);
        nodeRisk(nodes, pod.node).zone ??= zone;
        // The Node list is the better witness of a node's zone.
        if (zone !== undefined && !zoneOfNode.has(pod.node)) {
          zoneOfNode.set(pod.node, zone);
        }
      }
    }
    const counts = {
      node: countBy(workload.ready, pod => pod.node),
      zone: countBy(workload.ready, zoneOf),
    };
    const domains = worstOfCounts(workload.ready.length, counts);
    worst.push({ ...workload.ref, ...domains });
    for (const note of domains.missing) {
      missing.push(`${workload.label}: ${note}.`);
    }
    judgeDomains(workload, 'node', counts.node, nodes, services);
    judgeDomains(workload, 'zone', counts.zone, zones, services);
  }

  for (const [node, zone] of zoneOfNode) {
    const risk = zones.get(zone) ?? newRisk('zone', zone);
    zones.set(zone, risk);
    risk.nodes = [...(risk.nodes ?? []), node];
  }
  const ordered = (risks: Map<string, DomainRisk>) =>
    [...risks.values()]
      .map(risk => ({
        ...risk,
        nodes: risk.nodes?.sort(),
        services: risk.services.sort(
          (a, b) =>
            SEVERITY[b.impact] - SEVERITY[a.impact] ||
            a.entityRef.localeCompare(b.entityRef),
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    cluster: input.cluster,
    nodes: ordered(nodes),
    zones: ordered(zones),
    workloads: worst,
    missing,
  };
}

function newRisk(type: DomainRisk['type'], name: string): DomainRisk {
  return { type, name, services: [], workloads: [] };
}

function nodeRisk(nodes: Map<string, DomainRisk>, name: string): DomainRisk {
  let risk = nodes.get(name);
  if (!risk) {
    risk = newRisk('node', name);
    nodes.set(name, risk);
  }
  return risk;
}

/** Judges the failure of every domain that holds some of the workload's ready pods. */
function judgeDomains(
  workload: LiveWorkload,
  type: DomainRisk['type'],
  counts: Map<string | undefined, number>,
  risks: Map<string, DomainRisk>,
  services: Map<DomainRisk, Map<string, ServiceImpact>>,
) {
  const uncertain = counts.get(undefined) ?? 0;
  for (const [name, lost] of counts) {
    if (name === undefined) {
      continue;
    }
    const impact = judge(workload, lost, uncertain, type);
    if (!impact) {
      continue;
    }
    let risk = risks.get(name);
    if (!risk) {
      risk = newRisk(type, name);
      risks.set(name, risk);
    }
    risk.workloads.push(impact);
    let byEntity = services.get(risk);
    if (!byEntity) {
      byEntity = new Map();
      services.set(risk, byEntity);
    }
    addService(risk, byEntity, impact, workload);
  }
}

function judge(
  workload: LiveWorkload,
  lost: number,
  uncertain: number,
  type: DomainRisk['type'],
): WorkloadImpact | undefined {
  const ready = workload.ready.length;
  const most = ready - lost;
  const least = most - uncertain;
  const minimum = workload.minimum;
  const base = { ...workload.ref, lost, ready };
  const unplaced = `${readyPods(uncertain)} more ha${
    uncertain === 1 ? 's' : 've'
  } no ${type}`;
  if (most <= 0) {
    return {
      ...base,
      impact: 'dark',
      message: `loses all ${readyPods(ready)}`,
    };
  }
  if (least <= 0) {
    return {
      ...base,
      impact: 'unknown',
      message: `loses ${lost} of ${readyPods(
        ready,
      )}; ${unplaced}, so it may lose all`,
    };
  }
  if (minimum && most < minimum.value) {
    return {
      ...base,
      impact: 'below-minimum',
      minimum: minimum.value,
      message: `keeps ${most} of ${readyPods(ready)}, below the ${
        minimum.value
      } that PDB ${minimum.pdb} keeps`,
    };
  }
  if (minimum && least < minimum.value) {
    return {
      ...base,
      impact: 'unknown',
      minimum: minimum.value,
      message: `keeps at least ${least} of ${readyPods(
        ready,
      )} (${unplaced}); PDB ${minimum.pdb} keeps ${minimum.value}`,
    };
  }
  return undefined;
}

function addService(
  risk: DomainRisk,
  byEntity: Map<string, ServiceImpact>,
  impact: WorkloadImpact,
  workload: LiveWorkload,
) {
  const existing = byEntity.get(impact.entityRef);
  if (!existing) {
    const service: ServiceImpact = {
      entityRef: impact.entityRef,
      ...(workload.title ? { title: workload.title } : {}),
      impact: impact.impact,
      workloads: [workload.label],
    };
    byEntity.set(impact.entityRef, service);
    risk.services.push(service);
    return;
  }
  existing.workloads.push(workload.label);
  if (SEVERITY[impact.impact] > SEVERITY[existing.impact]) {
    existing.impact = impact.impact;
  }
}
