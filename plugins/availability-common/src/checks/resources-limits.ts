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
    let gaps: string[] | undefined;
    workload.containers.forEach((container, i) => {
      const cpu = limitsResource(container, 'cpu');
      const memory = limitsResource(container, 'memory');
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
      `Missing limits: ${gaps.join('; ')}.`,
      '```yaml\nresources:\n  limits:\n    cpu: "1"\n    memory: 512Mi\n```',
    );
  },
};
