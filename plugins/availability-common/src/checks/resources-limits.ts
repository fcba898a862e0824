import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyAppContainerHas } from '../engine/containers';
import { fail, pass } from '../engine/outcomes';
import { cpuAndMemoryGap, limitsResource } from '../engine/resources';

const PASSED = pass('Every app container has CPU and memory limits.');
const MISSING_LIMITS = cpuAndMemoryGap(limitsResource);

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
    return everyAppContainerHas({
      workload,
      gap: MISSING_LIMITS,
      passed: PASSED,
      failed: gaps =>
        fail(
          `Missing limits: ${gaps.join('; ')}.`,
          '```yaml\nresources:\n  limits:\n    cpu: "1"\n    memory: 512Mi\n```',
        ),
    });
  },
};
