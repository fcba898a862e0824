import type { WorkloadSubject } from './model';
import { resolveIntOrPercent, Resolved } from './intOrPercent';
import { asRecord, asString } from './read';

/**
 * A workload's update strategy with `maxUnavailable` and `maxSurge`
 * resolved against the effective replicas, using the API defaults.
 *
 * @internal
 */
export interface RolloutPlan {
  type: string;
  /** True for `Recreate` (Deployments) and `OnDelete` (StatefulSets). */
  disruptive: boolean;
  maxUnavailable?: Resolved;
  /** Deployments only. */
  maxSurge?: Resolved;
}

/** @internal */
export function rolloutPlan(
  subject: WorkloadSubject,
  replicas: number,
): RolloutPlan {
  const { workload } = subject;
  if (workload.kind === 'Deployment') {
    const strategy = asRecord(workload.spec.strategy);
    const type = asString(strategy?.type) ?? 'RollingUpdate';
    if (type === 'Recreate') {
      return { type, disruptive: true };
    }
    const rolling = asRecord(strategy?.rollingUpdate);
    return {
      type,
      disruptive: false,
      maxUnavailable: resolveIntOrPercent(
        rolling?.maxUnavailable ?? '25%',
        replicas,
        'down',
      ),
      maxSurge: resolveIntOrPercent(rolling?.maxSurge ?? '25%', replicas, 'up'),
    };
  }
  const strategy = asRecord(workload.spec.updateStrategy);
  const type = asString(strategy?.type) ?? 'RollingUpdate';
  if (type === 'OnDelete') {
    return { type, disruptive: true };
  }
  const rolling = asRecord(strategy?.rollingUpdate);
  return {
    type,
    disruptive: false,
    maxUnavailable: resolveIntOrPercent(
      rolling?.maxUnavailable ?? 1,
      replicas,
      'down',
    ),
  };
}
