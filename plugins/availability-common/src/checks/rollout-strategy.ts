import type { CheckOutcome, Workload, WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, notApplicable, pass } from '../engine/outcomes';
import { judgeRollout, RolloutPlan, surgingStrategy } from '../engine/rollout';
import { patchAt, yamlBlock } from '../engine/snippets';

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
  run(subject) {
    return judgeRollout(subject, judgeStrategy);
  },
};

function judgeStrategy(
  workload: Workload,
  plan: RolloutPlan,
  replicas: number,
): CheckOutcome {
  if (workload.kind === 'StatefulSet' && replicas < 2) {
    return SINGLE_STATEFUL_POD;
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
  if (maxUnavailable.value < replicas) {
    return pass(
      `Rolling update with at most ${maxUnavailable.value} of ${replicas} pods unavailable.`,
    );
  }
  return fail(
    `maxUnavailable resolves to ${maxUnavailable.value} with ${replicas} replicas: a rollout may take every pod down at once.`,
    fix('Lower maxUnavailable below the replica count:'),
  );
}

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
