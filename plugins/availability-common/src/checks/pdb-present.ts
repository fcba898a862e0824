import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { singleReplicaBudget } from '../engine/disruption';
import { fail } from '../engine/outcomes';
import { selectedByPass } from '../engine/selectedBy';

/** @internal */
export const pdbPresent: WorkloadCheck = {
  id: 'pdb-present',
  title: 'PodDisruptionBudget',
  description:
    'Without a PodDisruptionBudget, a node drain or cluster upgrade may evict every pod of the workload at once.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ pdbs, replicas, workload }) {
    if (replicas?.value !== undefined && replicas.value < 2) {
      return singleReplicaBudget(replicas.value);
    }
    if (pdbs.length > 0) {
      return selectedByPass('PodDisruptionBudget', pdbs);
    }
    const labels = Object.entries(workload.podLabels)
      .slice(0, 2)
      .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`)
      .join('\n');
    return fail(
      `No PodDisruptionBudget selects the pods of ${workload.kind} "${workload.name}": a node drain may evict all of them at once.`,
      `\`\`\`yaml\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${
        workload.name
      }\n  namespace: ${
        workload.namespace
      }\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n${
        labels || '      app: my-app'
      }\n\`\`\``,
    );
  },
};
