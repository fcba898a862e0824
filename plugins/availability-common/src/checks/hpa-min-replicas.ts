import { describeAutoscaler, roomAbove } from '../engine/autoscalers';
import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, pass } from '../engine/outcomes';
import { asRecord } from '../engine/read';
import { patchAt, yamlBlock } from '../engine/snippets';

/** @internal */
export const hpaMinReplicas: WorkloadCheck = {
  id: 'hpa-min-replicas',
  title: 'HPA keeps at least two replicas',
  description:
    'An HPA (or KEDA ScaledObject) overrides spec.replicas: with a minimum of 1 it scales a quiet service down to a single pod, which is then a single point of failure.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  readsPodTemplate: false,
  run({ autoscaler, thresholds }) {
    if (!autoscaler) {
      return NO_HPA;
    }
    const { min, max, fields } = autoscaler;
    const wanted = Math.max(thresholds.minReplicas, 2);
    // Raising the minimum must leave room to scale (hpa-range).
    const bounds: Record<string, number> = { [fields.min]: wanted };
    if (max.problem !== undefined || max.value <= wanted) {
      bounds[fields.max] = roomAbove(wanted);
    }
    const remediation = `Raise the minimum of ${describeAutoscaler(
      autoscaler,
    )}:\n\n${yamlBlock([patchAt(autoscaler, 'spec', bounds)])}`;
    if (min.problem !== undefined) {
      return fail(`The ${autoscaler.kind}'s ${min.problem}.`, remediation);
    }
    if (min.value >= thresholds.minReplicas) {
      return pass(
        `${describeAutoscaler(autoscaler)} keeps at least ${
          min.value
        } replicas.`,
      );
    }
    const defaulted =
      asRecord(autoscaler.object.spec)?.[fields.min] === undefined;
    return fail(
      `The ${autoscaler.kind}'s ${fields.min} is ${min.value}${
        defaulted ? ' (the default)' : ''
      }: when load is low it scales down to ${
        min.value === 0 ? 'nothing' : 'a single point of failure'
      }.`,
      remediation,
    );
  },
};
