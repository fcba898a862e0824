import type { V1Container } from '@kubernetes/client-node';
import { containerName } from './containers';
import { asRecord } from './read';

function has(value: unknown) {
  return (
    (typeof value === 'string' && value.trim() !== '') ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Whether a container requests a resource. A limit without a request counts:
 * Kubernetes then sets the request to the limit.
 *
 * @internal
 */
export function requestsResource(
  container: V1Container,
  resource: string,
): boolean {
  const resources = asRecord(container.resources);
  return (
    has(asRecord(resources?.requests)?.[resource]) ||
    has(asRecord(resources?.limits)?.[resource])
  );
}

/** @internal */
export function limitsResource(
  container: V1Container,
  resource: string,
): boolean {
  return has(asRecord(asRecord(container.resources)?.limits)?.[resource]);
}

/**
 * For `everyAppContainerHas`: names a container that lacks CPU or memory
 * by `sets` (requests or limits), with what it lacks, e.g.
 * `"web" (cpu, memory)`.
 *
 * @internal
 */
export function cpuAndMemoryGap(
  sets: (container: V1Container, resource: string) => boolean,
): (container: V1Container, position: number) => string | undefined {
  return (container, position) => {
    const cpu = sets(container, 'cpu');
    const memory = sets(container, 'memory');
    if (cpu && memory) {
      return undefined;
    }
    let missing = 'memory';
    if (!cpu) {
      missing = memory ? 'cpu' : 'cpu, memory';
    }
    return `"${containerName(container, position)}" (${missing})`;
  };
}
