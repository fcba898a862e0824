import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass } from '../engine/outcomes';
import { asNonEmptyString } from '../engine/read';
import { podSpecPatch, yamlBlock } from '../engine/snippets';

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
    return fail(
      'No priorityClassName: under capacity pressure these pods may be preempted before less important ones.',
      `Name a PriorityClass your platform defines (\`kubectl get priorityclasses\` lists them) that says how important this service is:\n\n${yamlBlock(
        [podSpecPatch(workload, { priorityClassName: '<priority class>' })],
      )}`,
    );
  },
};
