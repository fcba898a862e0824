import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import {
  fail,
  notApplicable,
  pass,
  SCALED_TO_ZERO,
  unknown,
} from '../engine/outcomes';
import { rolloutPlan } from '../engine/rollout';

/** @internal */
export const rolloutStrategy: WorkloadCheck = {
  id: 'rollout-strategy',
  title: 'Rolling updates keep pods up',
  description:
    'Recreate (Deployments) and OnDelete (StatefulSets) take every pod down at once or leave updates to chance; a rolling update whose maxUnavailable reaches the replica count does the same.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run(subject) {
    const { replicas, workload } = subject;
    if (!replicas || replicas.problem !== undefined) {
      return unknown(
        replicas?.problem ?? 'The replica count could not be read.',
      );
    }
    if (replicas.value === 0) {
      return SCALED_TO_ZERO;
    }
    if (workload.kind === 'StatefulSet' && replicas.value < 2) {
      return notApplicable(
        'A StatefulSet with one replica restarts its only pod on every update, whatever the strategy; replicas-min reports it.',
      );
    }
    const plan = rolloutPlan(subject, replicas.value);
    const field =
      workload.kind === 'Deployment' ? 'strategy' : 'updateStrategy';
    const snippet = () =>
      `\`\`\`yaml\nspec:\n  ${field}:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: ${
        workload.kind === 'Deployment' ? 0 : 1
      }${workload.kind === 'Deployment' ? '\n      maxSurge: 1' : ''}\n\`\`\``;
    if (plan.disruptive) {
      return fail(
        plan.type === 'Recreate'
          ? 'The Recreate strategy stops every pod before starting new ones: each rollout is an outage.'
          : 'The OnDelete strategy only updates pods when someone deletes them, so rollouts are manual and easy to get wrong.',
        `Use a rolling update:\n\n${snippet()}`,
      );
    }
    const maxUnavailable = plan.maxUnavailable;
    if (!maxUnavailable || maxUnavailable.problem !== undefined) {
      return fail(
        `maxUnavailable cannot be read: ${maxUnavailable?.problem}.`,
        `Set maxUnavailable to a whole number or a percentage:\n\n${snippet()}`,
      );
    }
    if (maxUnavailable.value < replicas.value) {
      return pass(
        `Rolling update with at most ${maxUnavailable.value} of ${replicas.value} pods unavailable.`,
      );
    }
    return fail(
      `maxUnavailable resolves to ${maxUnavailable.value} with ${replicas.value} replicas: a rollout may take every pod down at once.`,
      `Lower maxUnavailable below the replica count:\n\n${snippet()}`,
    );
  },
};
