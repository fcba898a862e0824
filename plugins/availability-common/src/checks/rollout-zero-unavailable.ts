import type { WorkloadCheck } from '../engine/model';
import { fail, pass, SCALED_TO_ZERO, unknown } from '../engine/outcomes';
import { rolloutPlan } from '../engine/rollout';

const SNIPPET =
  '```yaml\nspec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1\n```';

/** @internal */
export const rolloutZeroUnavailable: WorkloadCheck = {
  id: 'rollout-zero-unavailable',
  title: 'Surge before taking pods down',
  description:
    'A rolling update with maxUnavailable 0 and maxSurge at least 1 starts each new pod before stopping an old one, so capacity never drops during a rollout.',
  severity: 'medium',
  category: 'static',
  appliesTo: ['Deployment'],
  run(subject) {
    const { replicas } = subject;
    if (!replicas || replicas.problem !== undefined) {
      return unknown(
        replicas?.problem ?? 'The replica count could not be read.',
      );
    }
    if (replicas.value === 0) {
      return SCALED_TO_ZERO;
    }
    const plan = rolloutPlan(subject, replicas.value);
    if (plan.disruptive) {
      return fail(
        'The Recreate strategy stops every pod before starting new ones.',
        `Surge new pods in before old ones stop:\n\n${SNIPPET}`,
      );
    }
    const { maxUnavailable, maxSurge } = plan;
    if (
      maxUnavailable?.problem !== undefined ||
      maxSurge?.problem !== undefined
    ) {
      return fail(
        `The rolling update cannot be read: ${
          maxUnavailable?.problem ?? maxSurge?.problem
        }.`,
        SNIPPET,
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
      return fail(
        `maxUnavailable resolves to ${unavailable} with ${replicas.value} replicas, so rollouts run with reduced capacity.`,
        `Set maxUnavailable to 0 and let maxSurge bring new pods up first:\n\n${SNIPPET}`,
      );
    }
    return fail(
      `maxSurge resolves to 0 with ${replicas.value} replicas, so no pod can be added first and Kubernetes falls back to taking one pod down at a time.`,
      SNIPPET,
    );
  },
};
