import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyAppContainerHas } from '../engine/containers';
import { fail, pass } from '../engine/outcomes';
import { cpuAndMemoryGap, requestsResource } from '../engine/resources';

const PASSED = pass('Every app container requests CPU and memory.');
const MISSING_REQUESTS = cpuAndMemoryGap(requestsResource);

/** @internal */
export const resourcesRequests: WorkloadCheck = {
  id: 'resources-requests',
  title: 'CPU and memory requests',
  description:
    'Requests reserve capacity on the node. Without them the scheduler packs pods onto busy nodes, they are first to be evicted under pressure, and HPAs cannot compute utilization.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyAppContainerHas({
      workload,
      gap: MISSING_REQUESTS,
      passed: PASSED,
      failed: gaps =>
        fail(
          `Missing requests: ${gaps.join('; ')}.`,
          'Request what the container needs under normal load:\n\n```yaml\nresources:\n  requests:\n    cpu: 100m\n    memory: 256Mi\n```',
        ),
    });
  },
};
