import type { V1PodDisruptionBudget } from '@kubernetes/client-node';
import { resolveIntOrPercent } from './intOrPercent';
import type { CheckOutcome, EffectiveReplicas } from './model';
import { NO_PDB, notApplicable, unknown } from './outcomes';
import { asNonEmptyString, asRecord, describeValue } from './read';
import { patchAt } from './snippets';

/**
 * A PDB read against the workload's effective replicas: percentages round
 * up, as the disruption controller does.
 *
 * @internal
 */
export interface Budget {
  name: string;
  /** The field that sets the budget, when one does. */
  field?: 'minAvailable' | 'maxUnavailable';
  /** Blocks every voluntary eviction. */
  blocks: boolean;
  /** Keeps at least one pod running. */
  keepsOne: boolean;
  /** Human description, e.g. `minAvailable 2` or `maxUnavailable 0%`. */
  describe: string;
  problem?: string;
}

/** @internal */
export function readBudget(
  pdb: V1PodDisruptionBudget,
  replicas: number,
): Budget {
  const spec = asRecord(pdb.spec) ?? {};
  const name = asNonEmptyString(asRecord(pdb.metadata)?.name) ?? '(unnamed)';
  const field = (['minAvailable', 'maxUnavailable'] as const).find(
    key => spec[key] !== undefined && spec[key] !== null,
  );
  if (!field) {
    return {
      name,
      blocks: false,
      keepsOne: false,
      describe: 'neither minAvailable nor maxUnavailable',
    };
  }
  const resolved = resolveIntOrPercent(spec[field], replicas, 'up');
  const describe = `${field} ${describeValue(spec[field])}`;
  if (resolved.problem !== undefined) {
    return {
      name,
      field,
      blocks: false,
      keepsOne: false,
      describe,
      problem: resolved.problem,
    };
  }
  const min = field === 'minAvailable';
  return {
    name,
    field,
    blocks: min ? resolved.value >= replicas : resolved.value === 0,
    keepsOne: min ? resolved.value >= 1 : resolved.value < replicas,
    describe,
  };
}

/**
 * The fix of a budget that blocks every eviction or keeps no pod, with
 * `replicas` of 2 or more: one pod at a time may go, set in the field the
 * budget already uses (the two fields cannot stand together), as a
 * section that names the PDB.
 *
 * @internal
 */
export function budgetFix(budget: Budget, replicas: number): string {
  const fields =
    budget.field === 'minAvailable'
      ? { minAvailable: replicas - 1 }
      : { maxUnavailable: 1 };
  return patchAt(
    { kind: 'PodDisruptionBudget', name: budget.name },
    'spec',
    fields,
    budget.field === 'minAvailable'
      ? `replaces minAvailable ${budget.describe.slice(
          'minAvailable '.length,
        )}; with an autoscaler, the count to keep at its minimum`
      : undefined,
  );
}

/**
 * The PDB rows with effective replicas below 2: no budget can both allow a
 * drain and keep a pod of a single replica, and `replicas-min` reports the
 * real problem.
 *
 * @internal
 */
export function singleReplicaBudget(replicas: number): CheckOutcome {
  return notApplicable(
    `With ${replicas} effective ${
      replicas === 1 ? 'replica' : 'replicas'
    } no budget can both allow a drain and keep a pod running; replicas-min reports the fix (more replicas).`,
  );
}

/**
 * Runs `judge` over the workload's PDBs read against its effective
 * replicas: not applicable without a PDB, unknown when the replica count
 * cannot be read.
 *
 * @internal
 */
export function judgeBudgets(
  subject: {
    pdbs: V1PodDisruptionBudget[];
    replicas: EffectiveReplicas | undefined;
  },
  judge: (budgets: Budget[], replicas: number) => CheckOutcome,
): CheckOutcome {
  const { pdbs, replicas } = subject;
  if (pdbs.length === 0) {
    return NO_PDB;
  }
  if (!replicas || replicas.problem !== undefined) {
    return unknown(replicas?.problem ?? 'The replica count could not be read.');
  }
  if (replicas.value < 2) {
    return singleReplicaBudget(replicas.value);
  }
  return judge(
    pdbs.map(pdb => readBudget(pdb, replicas.value)),
    replicas.value,
  );
}
