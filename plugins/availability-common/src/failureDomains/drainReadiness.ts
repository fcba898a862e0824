import type { PdbEvidence } from '../types';
import { LiveWorkload, liveWorkloads, readyPods } from './livePods';
import type {
  ClusterInput,
  DrainFinding,
  DrainIssue,
  DrainReadiness,
  NodeDrain,
} from './types';

/** Issues that make a drain hang or take a service down. */
const UNSAFE: ReadonlySet<DrainIssue> = new Set([
  'blocks-forever',
  'blocks-now',
  'drops-to-zero',
  'single-replica',
]);

/**
 * What stands in the way of draining each node of a cluster (before a node
 * upgrade): PDBs that allow no eviction now or ever, workloads whose every
 * ready pod would go at once, and those the drain would wait for. Read from
 * live pods and the PDBs' status.
 *
 * @public
 */
export function drainReadiness(input: ClusterInput): DrainReadiness {
  return drainReadinessOf(input, liveWorkloads(input));
}

/** @internal */
export function drainReadinessOf(
  input: ClusterInput,
  workloads: readonly LiveWorkload[],
): DrainReadiness {
  const byNode = new Map<string, NodeDrain>();
  const nodeDrain = (node: string, zone?: string) => {
    let drain = byNode.get(node);
    if (!drain) {
      drain = { node, safe: true, findings: [] };
      byNode.set(node, drain);
    }
    if (zone !== undefined) {
      drain.zone ??= zone;
    }
    return drain;
  };
  for (const node of input.nodes ?? []) {
    nodeDrain(node.name, node.zone);
  }
  for (const workload of workloads) {
    const onNode = new Map<string, { pods: string[]; zone?: string }>();
    for (const pod of workload.ready) {
      if (pod.node !== undefined) {
        const here = onNode.get(pod.node);
        if (here) {
          here.pods.push(pod.name);
        } else {
          onNode.set(pod.node, { pods: [pod.name], zone: pod.zone });
        }
      }
    }
    for (const [node, { pods, zone }] of onNode) {
      const finding = drainFinding(workload, node, pods);
      const drain = nodeDrain(node, zone);
      if (finding) {
        drain.findings.push(finding);
        drain.safe &&= !UNSAFE.has(finding.issue);
      }
    }
  }
  const nodes = [...byNode.values()].sort((a, b) =>
    a.node.localeCompare(b.node),
  );
  const unsafe = nodes.filter(node => !node.safe);
  return {
    cluster: input.cluster,
    safe: unsafe.length === 0,
    verdict: verdict(input.cluster, nodes, unsafe),
    nodes,
  };
}

function drainFinding(
  workload: LiveWorkload,
  node: string,
  pods: string[],
): DrainFinding | undefined {
  const base = { ...workload.ref, pods };
  const pdbs = workload.pdbs;
  const named = pods.join(', ');
  const forever = pdbs.find(pdb => pdb.blocksEveryEviction);
  if (forever) {
    return {
      ...base,
      issue: 'blocks-forever',
      pdb: forever.name,
      message: `PDB ${forever.name} (${forever.budget}) allows no eviction at any time: draining ${node} hangs on ${named}.`,
    };
  }
  const now = pdbs.find(pdb => pdb.disruptionsAllowed === 0);
  if (now) {
    return {
      ...base,
      issue: 'blocks-now',
      pdb: now.name,
      message: `PDB ${
        now.name
      } allows no eviction now (disruptionsAllowed 0${healthy(
        now,
      )}): draining ${node} waits on ${named} until more pods are healthy.`,
    };
  }
  const ready = workload.ready.length;
  if (pdbs.length === 0 && pods.length === ready) {
    if (ready === 1) {
      return {
        ...base,
        issue: 'single-replica',
        message: `Its only ready pod ${named} runs on ${node}: draining it drops ${workload.label} to zero ready pods.`,
      };
    }
    return {
      ...base,
      issue: 'drops-to-zero',
      message: `All ${readyPods(
        ready,
      )} (${named}) run on ${node} and no PDB holds them: draining it drops ${
        workload.label
      } to zero.`,
    };
  }
  const allowed = Math.min(
    ...pdbs.map(pdb => pdb.disruptionsAllowed ?? Infinity),
  );
  if (pdbs.length > 0 && pods.length > allowed) {
    const pdb = pdbs.find(p => p.disruptionsAllowed === allowed) ?? pdbs[0];
    return {
      ...base,
      issue: 'waits',
      pdb: pdb.name,
      message: `PDB ${pdb.name} allows ${allowed} eviction${
        allowed === 1 ? '' : 's'
      } at a time: draining ${node} waits for replacements of ${named}.`,
    };
  }
  return undefined;
}

function healthy(pdb: PdbEvidence): string {
  return pdb.currentHealthy !== undefined && pdb.desiredHealthy !== undefined
    ? `, ${pdb.currentHealthy} healthy of ${pdb.desiredHealthy} needed`
    : '';
}

function verdict(
  cluster: string,
  nodes: NodeDrain[],
  unsafe: NodeDrain[],
): string {
  if (nodes.length === 0) {
    return `No nodes of ${cluster} are known.`;
  }
  if (unsafe.length === 0) {
    return `Draining any one node of ${cluster} keeps every service up.`;
  }
  const what = new Set<string>();
  for (const node of unsafe) {
    for (const finding of node.findings) {
      if (UNSAFE.has(finding.issue)) {
        what.add(`${finding.kind} ${finding.namespace}/${finding.name}`);
      }
    }
  }
  return `Draining ${unsafe.length} of ${
    nodes.length
  } nodes of ${cluster} would hang or take a service down (${[...what]
    .sort()
    .join(', ')}).`;
}
