import type { Workload, WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import {
  fail,
  notApplicable,
  pass,
  SCALED_TO_ZERO,
  unknown,
} from '../engine/outcomes';
import { RolloutPlan, rolloutPlan, surgingStrategy } from '../engine/rollout';
import { patchAt, yamlBlock } from '../engine/snippets';

const BLUE_GREEN = pass(
  'Blue-green: the new pods are up before traffic moves to them.',
);
const SINGLE_STATEFUL_POD = notApplicable(
  'A StatefulSet with one replica restarts its only pod on every update, whatever the strategy; replicas-min reports it.',
);

/** @internal */
export const rolloutStrategy: WorkloadCheck = {
  id: 'rollout-strategy',
  title: 'Rolling updates keep pods up',
  description:
    'Recreate (Deployments) and OnDelete (StatefulSets) take every pod down at once or leave updates to chance; a rolling update whose maxUnavailable reaches the replica count does the same.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  readsPodTemplate: false,
  run({ replicas, workload }) {
    if (!replicas || replicas.problem !== undefined) {
      return unknown(
        replicas?.problem ?? 'The replica count could not be read.',
      );
    }
    if (replicas.value === 0) {
      return SCALED_TO_ZERO;
    }
    if (workload.kind === 'StatefulSet' && replicas.value < 2) {
      return SINGLE_STATEFUL_POD;
    }
    const plan = rolloutPlan(workload, replicas.value);
    if (plan.blueGreen) {
      return BLUE_GREEN;
    }
    const fix = (advice: string) =>
      `${advice}\n\n${yamlBlock([
        patchAt(workload, 'spec', rollingFix(workload, plan)),
      ])}`;
    if (plan.disruptive) {
      return fail(
        plan.type === 'Recreate'
          ? 'The Recreate strategy stops every pod before starting new ones: each rollout is an outage.'
          : 'The OnDelete strategy only updates pods when someone deletes them, so rollouts are manual and easy to get wrong.',
        fix('Use a rolling update:'),
      );
    }
    const maxUnavailable = plan.maxUnavailable;
    if (!maxUnavailable || maxUnavailable.problem !== undefined) {
      return fail(
        `maxUnavailable cannot be read: ${maxUnavailable?.problem}.`,
        fix('Set maxUnavailable to a whole number or a percentage:'),
      );
    }
    if (maxUnavailable.value < replicas.value) {
      return pass(
        `Rolling update with at most ${maxUnavailable.value} of ${replicas.value} pods unavailable.`,
      );
    }
    return fail(
      `maxUnavailable resolves to ${maxUnavailable.value} with ${replicas.value} replicas: a rollout may take every pod down at once.`,
      fix('Lower maxUnavailable below the replica count:'),
    );
  },
};

/**
 * The strategy that fixes the rollout: a surge for Deployments and
 * Rollouts; for a StatefulSet, a rolling update one pod at a time (its
 * default, so it is only written where something else is set).
 */
function rollingFix(
  workload: Workload,
  plan: RolloutPlan,
): Record<string, unknown> {
  if (workload.kind !== 'StatefulSet') {
    return surgingStrategy(workload, plan);
  }
  return plan.disruptive
    ? { updateStrategy: { type: 'RollingUpdate' } }
    : { updateStrategy: { rollingUpdate: { maxUnavailable: 1 } } };
}
