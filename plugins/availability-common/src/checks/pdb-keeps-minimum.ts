import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { budgetFix, judgeBudgets } from '../engine/disruption';
import { fail, pass } from '../engine/outcomes';
import { yamlBlock } from '../engine/snippets';

/** @internal */
export const pdbKeepsMinimum: WorkloadCheck = {
  id: 'pdb-keeps-minimum',
  title: 'PDB keeps a pod running',
  description:
    'A PodDisruptionBudget that lets every pod go (minAvailable 0, or maxUnavailable at or above the replica count) protects nothing.',
  severity: 'medium',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run(subject) {
    return judgeBudgets(subject, (budgets, count) => {
      const keeping = budgets.find(b => b.keepsOne);
      if (keeping) {
        return pass(
          `"${keeping.name}" (${keeping.describe}) keeps at least one of ${count} pods running.`,
        );
      }
      const shown = budgets
        .map(
          b =>
            `"${b.name}" (${b.describe}${b.problem ? `: ${b.problem}` : ''})`,
        )
        .join(', ');
      return fail(
        `${shown} lets every one of the ${count} pods be evicted at once, so it protects nothing.`,
        `Keep all but one pod through a drain:\n\n${yamlBlock([
          budgetFix(budgets[0], count),
        ])}`,
      );
    });
  },
};
