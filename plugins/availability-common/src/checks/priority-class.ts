import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass } from '../engine/outcomes';
import { asNonEmptyString } from '../engine/read';

const NO_PRIORITY_CLASS = fail(
  'No priorityClassName: under capacity pressure these pods may be preempted before less important ones.',
  '```yaml\nspec:\n  template:\n    spec:\n      priorityClassName: business-critical # a PriorityClass your platform defines\n```',
);

/** @internal */
export const priorityClass: WorkloadCheck = {
  id: 'priority-class',
  title: 'Priority class',
  description:
    'When the cluster runs short of capacity, the scheduler preempts pods of lower priority first. A priority class says how important this service is.',
  severity: 'low',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ workload }) {
    const name = asNonEmptyString(workload.podSpec.priorityClassName);
    if (name) {
      return pass(`Runs with priority class "${name}".`);
    }
    return NO_PRIORITY_CLASS;
  },
};
