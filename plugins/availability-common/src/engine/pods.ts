import type { V1Pod } from '@kubernetes/client-node';
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
