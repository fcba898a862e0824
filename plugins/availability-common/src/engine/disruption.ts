import type { V1PodDisruptionBudget } from '@kubernetes/client-node';
import { resolveIntOrPercent } from './intOrPercent';
import type { CheckOutcome, EffectiveReplicas } from './model';
import { NO_PDB, notApplicable, unknown } from './outcomes';
import { asNonEmptyString, asRecord, describeValue } from './read';

/**
 * A PDB read against the workload's effective replicas: percentages round
 * up, as the disruption controller does.
 *
 * @internal
 */
export interface Budget {
  name: string;
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
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    const min = resolveIntOrPercent(spec.minAvailable, replicas, 'up');
    const describe = `minAvailable ${describeValue(spec.minAvailable)}`;
    if (min.problem !== undefined) {
      return {
        name,
        blocks: false,
        keepsOne: false,
        describe,
        problem: min.problem,
      };
    }
    return {
      name,
      blocks: min.value >= replicas,
      keepsOne: min.value >= 1,
      describe,
    };
  }
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const max = resolveIntOrPercent(spec.maxUnavailable, replicas, 'up');
    const describe = `maxUnavailable ${describeValue(spec.maxUnavailable)}`;
    if (max.problem !== undefined) {
      return {
        name,
        blocks: false,
        keepsOne: false,
        describe,
        problem: max.problem,
      };
    }
    return {
      name,
      blocks: max.value === 0,
      keepsOne: max.value < replicas,
      describe,
    };
  }
  return {
    name,
    blocks: false,
    keepsOne: false,
    describe: 'neither minAvailable nor maxUnavailable',
  };
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
export function judgeBudgets(options: {
  pdbs: V1PodDisruptionBudget[];
  replicas: EffectiveReplicas | undefined;
  judge: (budgets: Budget[], replicas: number) => CheckOutcome;
}): CheckOutcome {
  const { pdbs, replicas, judge } = options;
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
