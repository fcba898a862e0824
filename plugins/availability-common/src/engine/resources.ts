import type { V1Container } from '@kubernetes/client-node';
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
