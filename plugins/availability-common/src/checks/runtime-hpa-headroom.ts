import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, pass, unknown } from '../engine/outcomes';
import { asInt, asRecord } from '../engine/read';

const NO_HPA_STATUS = unknown(
  "The HPA's current or maximum replica count is not in the data from the cluster.",
);

/** @internal */
export const runtimeHpaHeadroom: WorkloadCheck = {
  id: 'runtime-hpa-headroom',
  title: 'HPA has headroom',
  description:
    'An HPA running at its maxReplicas cannot absorb more load: the next spike degrades the service.',
  severity: 'medium',
  category: 'runtime',
  appliesTo: REPLICATED_KINDS,
  run({ hpa }) {
    if (!hpa) {
      return NO_HPA;
    }
    const max = asInt(asRecord(hpa.spec)?.maxReplicas);
    const current = asInt(asRecord(hpa.status)?.currentReplicas);
    if (max === undefined || current === undefined) {
      return NO_HPA_STATUS;
    }
    if (current < max) {
      return pass(`${current} of at most ${max} replicas.`);
    }
    return fail(
      `The HPA runs at its maximum (${current} of ${max} replicas) and cannot add pods if load grows.`,
      `Raise maxReplicas (and check the cluster has room), or find why the load is this high:\n\n\`\`\`yaml\nspec:\n  maxReplicas: ${
        max * 2
      }\n\`\`\``,
    );
  },
};
