import type { CheckOutcome, Workload, WorkloadCheck } from '../engine/model';
import { DEPLOYMENT_KINDS } from '../engine/model';
import { fail, pass } from '../engine/outcomes';
import { judgeRollout, RolloutPlan, surgingStrategy } from '../engine/rollout';
import { patchAt, yamlBlock } from '../engine/snippets';

/** @internal */
export const rolloutZeroUnavailable: WorkloadCheck = {
  id: 'rollout-zero-unavailable',
  title: 'Surge before taking pods down',
  description:
    'A rolling update with maxUnavailable 0 and maxSurge at least 1 starts each new pod before stopping an old one, so capacity never drops during a rollout.',
  severity: 'medium',
  category: 'static',
  appliesTo: DEPLOYMENT_KINDS,
  readsPodTemplate: false,
  run(subject) {
    return judgeRollout(subject, judgeSurge);
  },
};

function judgeSurge(
  workload: Workload,
  plan: RolloutPlan,
  replicas: number,
): CheckOutcome {
  const fix = (message: string, advice: string) =>
    fail(
      message,
      `${advice}\n\n${yamlBlock([
        patchAt(workload, 'spec', surgingStrategy(workload, plan)),
      ])}`,
    );
  if (plan.disruptive) {
    return fix(
      'The Recreate strategy stops every pod before starting new ones.',
      'Surge new pods in before old ones stop:',
    );
  }
  const { maxUnavailable, maxSurge } = plan;
  if (
    maxUnavailable?.problem !== undefined ||
    maxSurge?.problem !== undefined
  ) {
    return fix(
      `The rolling update cannot be read: ${
        maxUnavailable?.problem ?? maxSurge?.problem
      }.`,
      'Set whole numbers or percentages:',
    );
  }
  const unavailable = maxUnavailable?.value ?? 0;
  const surge = maxSurge?.value ?? 0;
  if (unavailable === 0 && surge >= 1) {
    return pass(
      `Rollouts add up to ${surge} new pod(s) before stopping old ones (maxUnavailable 0).`,
    );
  }
  if (unavailable > 0) {
    return fix(
      `maxUnavailable resolves to ${unavailable} with ${replicas} replicas, so rollouts run with reduced capacity.`,
      'Set maxUnavailable to 0 and let maxSurge bring new pods up first:',
    );
  }
  return fix(
    `maxSurge resolves to 0 with ${replicas} replicas, so no pod can be added first and Kubernetes falls back to taking one pod down at a time.`,
    'Let one new pod start before an old one stops:',
  );
}
