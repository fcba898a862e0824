import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName } from '../engine/containers';
import { constant, fail, NO_CONTAINERS, pass } from '../engine/outcomes';
import { limitsResource } from '../engine/resources';

const PASSED = constant(pass('Every app container has CPU and memory limits.'));

/** @internal */
export const resourcesLimits: WorkloadCheck = {
  id: 'resources-limits',
  title: 'CPU and memory limits',
  description:
    'Limits stop one runaway container from starving its neighbours on the node (memory leaks, busy loops).',
  severity: 'medium',
  category: 'static',
  target: 'workload',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    if (workload.containers.length === 0) {
      return NO_CONTAINERS;
    }
    const gaps = workload.containers.flatMap((container, i) => {
      const missing = ['cpu', 'memory'].filter(
        r => !limitsResource(container, r),
      );
      return missing.length
        ? [`"${containerName(container, i)}" (${missing.join(', ')})`]
        : [];
    });
    if (gaps.length === 0) {
      return PASSED;
    }
    return fail(
      `Missing limits: ${gaps.join('; ')}.`,
      '```yaml\nresources:\n  limits:\n    cpu: "1"\n    memory: 512Mi\n```',
    );
  },
};
