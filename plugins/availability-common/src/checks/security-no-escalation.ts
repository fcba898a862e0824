import { everyContainerPasses } from '../engine/containerFindings';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { pass } from '../engine/outcomes';
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
    return everyContainerPasses(workload, {
      finding(container, name) {
        const context = asRecord(container.securityContext);
        // The API refuses allowPrivilegeEscalation: false on a privileged container.
        if (context?.privileged === true) {
          return {
            problem: `"${name}" is privileged`,
            fix: {
              securityContext: {
                privileged: false,
                allowPrivilegeEscalation: false,
              },
            },
          };
        }
        if (context?.allowPrivilegeEscalation !== false) {
          return {
            problem: `"${name}" does not set allowPrivilegeEscalation: false`,
            fix: { securityContext: { allowPrivilegeEscalation: false } },
          };
        }
        return undefined;
      },
      passed: PASSED,
      advice:
        'Drop privileges on each container (a container that truly needs the host belongs in a separate, reviewed workload):',
    });
  },
};
