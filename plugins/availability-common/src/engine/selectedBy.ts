import type { KubernetesObject } from '@kubernetes/client-node';
import type { CheckOutcome } from './model';
import { listNames, pass } from './outcomes';
import { asNonEmptyString, asRecord } from './read';

/**
 * The passing outcome of a check that wants some object of one kind to
 * select the workload's pods: `NetworkPolicy "a" selects its pods.`
 *
 * @internal
 */
export function selectedByPass(
  kind: string,
  objects: KubernetesObject[],
): CheckOutcome {
  const names = objects.map(
    o => asNonEmptyString(asRecord(o.metadata)?.name) ?? '(unnamed)',
  );
  return pass(`${kind} ${listNames(names)} selects its pods.`);
}
