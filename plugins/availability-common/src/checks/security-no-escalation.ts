import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyContainer } from '../engine/containers';
import { fail, NO_CONTAINERS, pass } from '../engine/outcomes';
import { asRecord } from '../engine/read';

const PASSED = pass(
  'No container is privileged and none can escalate privileges.',
);

/** @internal */
export const securityNoEscalation: WorkloadCheck = {
  id: 'security-no-escalation',
  title: 'No privilege escalation',
  description:
    'Privileged containers and containers allowed to gain privileges (setuid binaries) can take over the node and every pod on it.',
  severity: 'medium',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    const containers = everyContainer(workload);
    if (containers.length === 0) {
      return NO_CONTAINERS;
    }
    let problems: string[] | undefined;
    containers.forEach((container, i) => {
      const context = asRecord(container.securityContext);
      if (context?.privileged === true) {
        (problems ??= []).push(
          `"${containerName(container, i)}" is privileged`,
        );
      } else if (context?.allowPrivilegeEscalation !== false) {
        (problems ??= []).push(
          `"${containerName(
            container,
            i,
          )}" does not set allowPrivilegeEscalation: false`,
        );
      }
    });
    if (!problems) {
      return PASSED;
    }
    return fail(
      `${problems.join('; ')}.`,
      'On every container:\n\n```yaml\nsecurityContext:\n  privileged: false\n  allowPrivilegeEscalation: false\n```',
    );
  },
};
