import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass, plural } from '../engine/outcomes';

/** @internal */
export const replicasMin: WorkloadCheck = {
  id: 'replicas-min',
  title: 'At least two replicas',
  description:
    'With a single replica every rollout, node drain or crash is an outage. Run at least two (the minReplicas threshold), counting the HPA minimum when an HPA scales the workload.',
  severity: 'critical',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ replicas, thresholds, hpa }) {
    const min = thresholds.minReplicas;
    if (!replicas || replicas.problem !== undefined) {
      return fail(
        `${
          replicas?.problem ?? 'The replica count could not be read.'
        } Kubernetes will not run it as intended.`,
        'Set a whole number of replicas.',
      );
    }
    const count = replicas.value;
    const from = hpa ? ' (HPA minReplicas)' : '';
    if (count >= min) {
      return pass(`${plural(count, 'replica')}${from}.`);
    }
    return fail(
      `Only ${plural(
        count,
        'replica',
      )}${from}; at least ${min} are needed so that one pod can go down without an outage.`,
      hpa
        ? `Raise the HPA's minimum:\n\n\`\`\`yaml\nspec:\n  minReplicas: ${Math.max(
            min,
            2,
          )}\n\`\`\``
        : `Run more replicas (or add an HPA with minReplicas ≥ ${min}):\n\n\`\`\`yaml\nspec:\n  replicas: ${Math.max(
            min,
            2,
          )}\n\`\`\``,
    );
  },
};
