import { describeAutoscaler, roomAbove } from '../engine/autoscalers';
import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, pass } from '../engine/outcomes';
import { patchAt, yamlBlock } from '../engine/snippets';

/** @internal */
export const hpaRange: WorkloadCheck = {
  id: 'hpa-range',
  title: 'HPA has room to scale',
  description:
    'An HPA (or KEDA ScaledObject) whose maximum equals its minimum never scales: it only pins the replica count.',
  severity: 'low',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  readsPodTemplate: false,
  run({ autoscaler }) {
    if (!autoscaler) {
      return NO_HPA;
    }
    const { min, max, fields } = autoscaler;
    if (min.problem !== undefined || max.problem !== undefined) {
      const floor = min.problem === undefined ? min.value : 2;
      return fail(
        `The ${autoscaler.kind}'s replica range cannot be read (${
          min.problem ?? max.problem
        }).`,
        yamlBlock([
          patchAt(autoscaler, 'spec', {
            [fields.min]: floor,
            [fields.max]: roomAbove(floor),
          }),
        ]),
      );
    }
    if (max.value > min.value) {
      return pass(`Scales between ${min.value} and ${max.value} replicas.`);
    }
    return fail(
      `${fields.max} (${max.value}) is not above ${fields.min} (${
        min.value
      }), so ${describeAutoscaler(autoscaler)} can never add pods under load.`,
      yamlBlock([
        patchAt(autoscaler, 'spec', { [fields.max]: roomAbove(min.value) }),
      ]),
    );
  },
};
