import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyContainerResources } from '../engine/resources';

/** @internal */
export const resourcesLimits: WorkloadCheck = {
  id: 'resources-limits',
  title: 'CPU and memory limits',
  description:
    'Limits stop one runaway container from starving its neighbours on the node (memory leaks, busy loops).',
  severity: 'medium',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyContainerResources(workload, 'limits');
  },
};
