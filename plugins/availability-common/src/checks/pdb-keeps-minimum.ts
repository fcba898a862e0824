import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { readBudget } from '../engine/disruption';
import { fail, NO_PDB, pass, unknown } from '../engine/outcomes';

/** @internal */
export const pdbKeepsMinimum: WorkloadCheck = {
  id: 'pdb-keeps-minimum',
  title: 'PDB keeps a pod running',
  description:
    'A PodDisruptionBudget that lets every pod go (minAvailable 0, or maxUnavailable at or above the replica count) protects nothing.',
  severity: 'medium',
  category: 'static',
  target: 'workload',
  appliesTo: REPLICATED_KINDS,
  run({ pdbs, replicas }) {
    if (pdbs.length === 0) {
      return NO_PDB;
    }
    if (!replicas || replicas.problem !== undefined) {
      return unknown(
        replicas?.problem ?? 'The replica count could not be read.',
      );
    }
    const budgets = pdbs.map(pdb => readBudget(pdb, replicas.value));
    const keeping = budgets.find(b => b.keepsOne);
    if (keeping) {
      return pass(
        `"${keeping.name}" (${keeping.describe}) keeps at least one of ${replicas.value} pods running.`,
      );
    }
    const shown = budgets
      .map(
        b => `"${b.name}" (${b.describe}${b.problem ? `: ${b.problem}` : ''})`,
      )
      .join(', ');
    return fail(
      `${shown} lets every one of the ${replicas.value} pods be evicted at once, so it protects nothing.`,
      '```yaml\nspec:\n  maxUnavailable: 1\n```',
    );
  },
};
