import type { V1Container } from '@kubernetes/client-node';
import type { Workload } from './model';
import { asNonEmptyString } from './read';

/**
 * App containers and init containers: what "every container" covers.
 *
 * @internal
 */
export function everyContainer(workload: Workload): V1Container[] {
  return [...workload.initContainers, ...workload.containers];
}

/** @internal */
export function containerName(
  container: V1Container,
  position: number,
): string {
  return asNonEmptyString(container.name) ?? `#${position + 1}`;
}

/**
 * Names of the containers failing a test, for messages.
 *
 * @internal
 */
export function failingContainers(
  containers: V1Container[],
  failing: (container: V1Container) => boolean,
): string[] {
  return containers.flatMap((container, i) =>
    failing(container) ? [containerName(container, i)] : [],
  );
}
