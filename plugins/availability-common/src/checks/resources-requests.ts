import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyContainerResources } from '../engine/resources';

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
    return everyContainerResources(workload, 'requests');
  },
};
