import type { V1Pod } from '@kubernetes/client-node';
import type { CheckOutcome, Workload } from './model';
import { BARE_POD, NO_PODS, notApplicable } from './outcomes';
import { asNonEmptyString, asRecord, records } from './read';

/**
 * Whether a pod reports the `Ready` condition as `True`.
 *
 * @internal
 */
export function isPodReady(pod: V1Pod): boolean {
  return records(asRecord(pod.status)?.conditions).some(
    condition => condition.type === 'Ready' && condition.status === 'True',
  );
}

/** @internal */
export function podName(pod: V1Pod): string {
  return asNonEmptyString(asRecord(pod.metadata)?.name) ?? '(unnamed)';
}

/** @internal */
export function podNodeName(pod: V1Pod): string | undefined {
  return asNonEmptyString(asRecord(pod.spec)?.nodeName);
}

/**
 * The ready pods whose spread the runtime spread checks judge, or their
 * outcome when there is nothing to judge: a bare Pod, no pods in the
 * data, or fewer than two ready ones (runtime-ready covers that).
 *
 * @internal
 */
export function readyPodsToSpread(
  workload: Workload,
  pods: V1Pod[],
): { ready: V1Pod[] } | { outcome: CheckOutcome } {
  if (workload.kind === 'Pod') {
    return { outcome: BARE_POD };
  }
  if (pods.length === 0) {
    return { outcome: NO_PODS };
  }
  const ready = pods.filter(isPodReady);
  return ready.length < 2
    ? {
        outcome: notApplicable(
          `Fewer than 2 ready pods (${ready.length}); runtime-ready covers that.`,
        ),
      }
    : { ready };
}
