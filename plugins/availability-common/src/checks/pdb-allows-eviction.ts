import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { budgetFix, judgeBudgets } from '../engine/disruption';
import { fail, pass } from '../engine/outcomes';
import { yamlBlock } from '../engine/snippets';

/** @internal */
export const pdbAllowsEviction: WorkloadCheck = {
  id: 'pdb-allows-eviction',
  title: 'PDB allows evictions',
  description:
    'A PodDisruptionBudget that allows no eviction (maxUnavailable 0, or minAvailable at or above the replica count) blocks node drains and cluster upgrades until someone deletes it.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run(subject) {
    return judgeBudgets(subject, (budgets, count) => {
      const broken = budgets.find(b => b.problem !== undefined);
      if (broken) {
        return fail(
          `PodDisruptionBudget "${broken.name}" cannot be read: ${broken.problem}.`,
          yamlBlock([budgetFix(broken, count)]),
        );
      }
      const blocking = budgets.find(b => b.blocks);
      if (blocking) {
        return fail(
          `PodDisruptionBudget "${blocking.name}" (${blocking.describe}, ${count} replicas) allows no voluntary eviction: node drains and upgrades will hang on these pods.`,
          `Allow one pod to be evicted at a time:\n\n${yamlBlock(
            budgets.filter(b => b.blocks).map(b => budgetFix(b, count)),
          )}`,
        );
      }
      return pass(
        `${budgets
          .map(b => `"${b.name}" (${b.describe})`)
          .join(', ')} allows evictions with ${count} replicas.`,
      );
    });
  },
};
