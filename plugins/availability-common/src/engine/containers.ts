import type { V1Container } from '@kubernetes/client-node';
import type { CheckOutcome, Workload } from './model';
import { NO_CONTAINERS } from './outcomes';
import { asNonEmptyString, isRecord } from './read';

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

/**
 * The path of the pod spec from the object's root: `spec.template.spec`,
 * or `spec` for a bare Pod.
 *
 * @internal
 */
export function podSpecPath(workload: Workload): string {
  return workload.kind === 'Pod' ? 'spec' : 'spec.template.spec';
}

/** @internal */
export function containerName(
  container: V1Container,
  position: number,
): string {
  return asNonEmptyString(container.name) ?? `#${position + 1}`;
}

/**
 * The outcome of a check that every app container must pass: `NO_CONTAINERS`
 * for an empty pod template, `passed` when no container has a gap, else
 * `failed` with the gap of each container that has one, in order.
 *
 * @internal
 */
export function everyAppContainerHas(options: {
  workload: Workload;
  /** What a container lacks, for the message; undefined when it passes. */
  gap: (container: V1Container, position: number) => string | undefined;
  passed: CheckOutcome;
  failed: (gaps: string[]) => CheckOutcome;
}): CheckOutcome {
  const { workload, gap, passed, failed } = options;
  const containers = workload.containers;
  if (containers.length === 0) {
    return NO_CONTAINERS;
  }
  // Built only when a container fails, so passing allocates nothing.
  let gaps: string[] | undefined;
  for (let i = 0; i < containers.length; i++) {
    const found = gap(containers[i], i);
    if (found !== undefined) {
      (gaps ??= []).push(found);
    }
  }
  return gaps ? failed(gaps) : passed;
}

/**
 * For `everyAppContainerHas`: names a container that does not `have` what
 * the check wants.
 *
 * @internal
 */
export function lacking(
  have: (container: V1Container) => boolean,
): (container: V1Container, position: number) => string | undefined {
  return (container, position) =>
    have(container) ? undefined : containerName(container, position);
}

/**
 * For `everyAppContainerHas`: names a container whose `field` (a probe, say)
 * is not set to an object.
 *
 * @internal
 */
export function withoutObject(
  field: keyof V1Container,
): (container: V1Container, position: number) => string | undefined {
  return lacking(container => isRecord(container[field]));
}
