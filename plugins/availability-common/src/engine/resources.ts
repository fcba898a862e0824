import type { V1Container } from '@kubernetes/client-node';
import { containerName, everyAppContainerHas } from './containers';
import type { CheckOutcome, Workload } from './model';
import { fail, pass } from './outcomes';
import { asRecord } from './read';
import { containerPatch, yamlBlock } from './snippets';

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

/** Starting amounts to suggest, to size from the container's real use. */
const STARTING: Record<'requests' | 'limits', Record<string, string>> = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};

/**
 * An amount of a resource to suggest where a container sets none.
 *
 * @internal
 */
export function startingAmount(
  field: 'requests' | 'limits',
  resource: string,
): string {
  return STARTING[field][resource] ?? '<amount>';
}

const WORDING = {
  requests: {
    passed: pass('Every app container requests CPU and memory.'),
    sets: requestsResource,
    advice:
      'Request what each container uses under normal load (starting values: size them from its real use)',
  },
  limits: {
    passed: pass('Every app container has CPU and memory limits.'),
    sets: limitsResource,
    advice:
      'Cap what each container may use (starting values, never below its request: size them from its real peak)',
  },
};

/**
 * The outcome of resources-requests or resources-limits: every app
 * container sets `cpu` and `memory` under `resources.<field>`; the
 * remediation sets, per container, only what it lacks. A suggested limit
 * equals the container's request where it has one, so it is never below
 * it.
 *
 * @internal
 */
export function everyContainerResources(
  workload: Workload,
  field: 'requests' | 'limits',
): CheckOutcome {
  const { passed, sets, advice } = WORDING[field];
  return everyAppContainerHas({
    workload,
    gap: cpuAndMemoryGap(sets),
    passed,
    failed: gaps => {
      const patches = workload.containers.flatMap(container => {
        const missing = ['cpu', 'memory'].filter(r => !sets(container, r));
        if (missing.length === 0) {
          return [];
        }
        const requests = asRecord(asRecord(container.resources)?.requests);
        const amounts = Object.fromEntries(
          missing.map(r => [
            r,
            field === 'limits' && requests?.[r] !== undefined
              ? requests[r]
              : startingAmount(field, r),
          ]),
        );
        return [
          containerPatch(workload, container, {
            resources: { [field]: amounts },
          }),
        ];
      });
      return fail(
        `Missing ${field}: ${gaps.join('; ')}.`,
        `${advice}:\n\n${yamlBlock(patches)}`,
      );
    },
  });
}
