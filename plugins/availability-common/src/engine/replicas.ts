import type { Autoscaler, EffectiveReplicas, Workload } from './model';
import { REPLICATED_KINDS } from './model';
import { asInt, describeValue } from './read';

/**
 * The minimum of the autoscaler that targets the workload (an HPA's
 * defaults to 1, a ScaledObject's to 0), else `spec.replicas` (default 1);
 * none for DaemonSets and bare Pods.
 *
 * @internal
 */
export function effectiveReplicas(
  workload: Workload,
  autoscaler: Autoscaler | undefined,
): EffectiveReplicas | undefined {
  if (!REPLICATED_KINDS.includes(workload.kind)) {
    return undefined;
  }
  if (autoscaler) {
    return autoscaler.min.problem === undefined
      ? { value: autoscaler.min.value, from: 'autoscaler' }
      : {
          from: 'autoscaler',
          problem: `The ${autoscaler.kind}'s ${autoscaler.min.problem}.`,
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
