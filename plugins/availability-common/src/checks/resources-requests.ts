import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName } from '../engine/containers';
import { constant, fail, NO_CONTAINERS, pass } from '../engine/outcomes';
import { requestsResource } from '../engine/resources';

const PASSED = constant(pass('Every app container requests CPU and memory.'));

/** @internal */
export const resourcesRequests: WorkloadCheck = {
  id: 'resources-requests',
  title: 'CPU and memory requests',
  description:
    'Requests reserve capacity on the node. Without them the scheduler packs pods onto busy nodes, they are first to be evicted under pressure, and HPAs cannot compute utilization.',
  severity: 'high',
  category: 'static',
  target: 'workload',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    if (workload.containers.length === 0) {
      return NO_CONTAINERS;
    }
    let gaps: string[] | undefined;
    workload.containers.forEach((container, i) => {
      const cpu = requestsResource(container, 'cpu');
      const memory = requestsResource(container, 'memory');
      if (!cpu || !memory) {
        let missing = 'memory';
        if (!cpu) {
          missing = memory ? 'cpu' : 'cpu, memory';
        }
        (gaps ??= []).push(`"${containerName(container, i)}" (${missing})`);
      }
    });
    if (!gaps) {
      return PASSED;
    }
    return fail(
      `Missing requests: ${gaps.join('; ')}.`,
      'Request what the container needs under normal load:\n\n```yaml\nresources:\n  requests:\n    cpu: 100m\n    memory: 256Mi\n```',
    );
  },
};
