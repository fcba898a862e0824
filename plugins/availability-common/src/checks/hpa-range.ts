import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, pass } from '../engine/outcomes';
import { asInt, asRecord, describeValue } from '../engine/read';

/** @internal */
export const hpaRange: WorkloadCheck = {
  id: 'hpa-range',
  title: 'HPA has room to scale',
  description:
    'An HPA whose maxReplicas equals its minReplicas never scales: it only pins the replica count.',
  severity: 'low',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ hpa }) {
    if (!hpa) {
      return NO_HPA;
    }
    const spec = asRecord(hpa.spec);
    const rawMin = spec?.minReplicas;
    const min = rawMin === undefined || rawMin === null ? 1 : asInt(rawMin);
    const max = asInt(spec?.maxReplicas);
    if (min === undefined || max === undefined) {
      return fail(
        `The HPA's replica range cannot be read (minReplicas ${describeValue(
          rawMin,
        )}, maxReplicas ${describeValue(spec?.maxReplicas)}).`,
        '```yaml\nspec:\n  minReplicas: 3\n  maxReplicas: 10\n```',
      );
    }
    if (max > min) {
      return pass(`Scales between ${min} and ${max} replicas.`);
    }
    return fail(
      `maxReplicas (${max}) is not above minReplicas (${min}), so the HPA can never add pods under load.`,
      `\`\`\`yaml\nspec:\n  minReplicas: ${min}\n  maxReplicas: ${Math.max(
        min * 2,
        min + 2,
      )}\n\`\`\``,
    );
  },
};
