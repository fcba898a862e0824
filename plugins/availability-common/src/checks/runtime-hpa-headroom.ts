import { describeAutoscaler, roomAbove } from '../engine/autoscalers';
import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, pass, unknown } from '../engine/outcomes';
import { asInt } from '../engine/read';
import { patchAt, yamlBlock } from '../engine/snippets';

const NO_HPA_STATUS = unknown(
  "The autoscaler's current or maximum replica count is not in the data from the cluster.",
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
  readsPodTemplate: false,
  run({ autoscaler }) {
    if (!autoscaler) {
      return NO_HPA;
    }
    const { max, fields } = autoscaler;
    const current = asInt(autoscaler.status?.currentReplicas);
    if (max.problem !== undefined || current === undefined) {
      return NO_HPA_STATUS;
    }
    if (current < max.value) {
      return pass(`${current} of at most ${max.value} replicas.`);
    }
    return fail(
      `${describeAutoscaler(autoscaler)} runs at its maximum (${current} of ${
        max.value
      } replicas) and cannot add pods if load grows.`,
      `Raise its maximum (and check the cluster has room), or find why the load is this high:\n\n${yamlBlock(
        [patchAt(autoscaler, 'spec', { [fields.max]: roomAbove(max.value) })],
      )}`,
    );
  },
};
