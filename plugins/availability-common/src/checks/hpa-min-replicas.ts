import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, pass } from '../engine/outcomes';
import { asInt, asRecord, describeValue } from '../engine/read';

/** @internal */
export const hpaMinReplicas: WorkloadCheck = {
  id: 'hpa-min-replicas',
  title: 'HPA keeps at least two replicas',
  description:
    'An HPA overrides spec.replicas: with minReplicas 1 it scales a quiet service down to a single pod, which is then a single point of failure.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ hpa, thresholds }) {
    if (!hpa) {
      return NO_HPA;
    }
    const raw = asRecord(hpa.spec)?.minReplicas;
    const min = raw === undefined || raw === null ? 1 : asInt(raw);
    const remediation = `\`\`\`yaml\nspec:\n  minReplicas: ${Math.max(
      thresholds.minReplicas,
      2,
    )}\n\`\`\``;
    if (min === undefined) {
      return fail(
        `The HPA's minReplicas (${describeValue(raw)}) is not a whole number.`,
        remediation,
      );
    }
    if (min >= thresholds.minReplicas) {
      return pass(`The HPA keeps at least ${min} replicas.`);
    }
    return fail(
      `The HPA's minReplicas is ${min}${
        raw === undefined ? ' (the default)' : ''
      }: when load is low it scales down to a single point of failure.`,
      remediation,
    );
  },
};
