import type {
  EffectiveReplicas,
  HorizontalPodAutoscaler,
  Workload,
} from './model';
import { asInt, asRecord, describeValue } from './read';

/**
 * The HPA's `minReplicas` (default 1) when one targets the workload, else
 * `spec.replicas` (default 1); none for DaemonSets and bare Pods.
 *
 * @internal
 */
export function effectiveReplicas(
  workload: Workload,
  hpa: HorizontalPodAutoscaler | undefined,
): EffectiveReplicas | undefined {
  if (workload.kind !== 'Deployment' && workload.kind !== 'StatefulSet') {
    return undefined;
  }
  if (hpa) {
    const raw = asRecord(hpa.spec)?.minReplicas;
    if (raw === undefined || raw === null) {
      return { value: 1, from: 'hpa' };
    }
    const value = asInt(raw);
    return value !== undefined && value >= 0
      ? { value, from: 'hpa' }
      : {
          from: 'hpa',
          problem: `The HPA's minReplicas (${describeValue(
            raw,
          )}) is not a whole number.`,
        };
  }
  const raw = workload.spec.replicas;
  if (raw === undefined || raw === null) {
    return { value: 1, from: 'default' };
  }
  const value = asInt(raw);
  return value !== undefined && value >= 0
    ? { value, from: 'spec' }
    : {
        from: 'spec',
        problem: `spec.replicas (${describeValue(raw)}) is not a whole number.`,
      };
}
