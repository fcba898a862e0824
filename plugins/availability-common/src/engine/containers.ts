import type { V1Container } from '@kubernetes/client-node';
import type { Workload } from './model';
import { asNonEmptyString } from './read';

/**
 * App containers and init containers: what "every container" covers.
 *
 * @internal
 */
export function everyContainer(workload: Workload): V1Container[] {
  // Most pod templates have no init containers: no copy needed then.
  return workload.initContainers.length === 0
    ? workload.containers
    : [...workload.initContainers, ...workload.containers];
}

/** @internal */
export function containerName(
  container: V1Container,
  position: number,
): string {
  return asNonEmptyString(container.name) ?? `#${position + 1}`;
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Names of the containers failing a test, for messages; a shared empty
 * list when none fails (the usual case), so passing costs no allocation.
 *
 * @internal
 */
export function failingContainers(
  containers: V1Container[],
  failing: (container: V1Container) => boolean,
): string[] {
  let names: string[] | undefined;
  for (let i = 0; i < containers.length; i++) {
    if (failing(containers[i])) {
      (names ??= []).push(containerName(containers[i], i));
    }
  }
  return names ?? (NONE as string[]);
}
