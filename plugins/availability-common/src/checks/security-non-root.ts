import { everyContainerPasses } from '../engine/containerFindings';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { pass } from '../engine/outcomes';
import { asInt, asRecord } from '../engine/read';

const PASSED = pass('Every container runs as a non-root user.');

/** An unprivileged user, outside the ids images give their system users. */
const NON_ROOT = { securityContext: { runAsNonRoot: true, runAsUser: 10001 } };

/** @internal */
export const securityNonRoot: WorkloadCheck = {
  id: 'security-non-root',
  title: 'Containers run as non-root',
  description:
    'A container running as root turns any bug into a foothold on the node. Set runAsNonRoot: true or a non-zero runAsUser, on the pod or on every container.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    const pod = asRecord(workload.podSpec.securityContext);
    return everyContainerPasses(workload, {
      finding(container, name) {
        const own = asRecord(container.securityContext);
        // Each field resolves container-over-pod, so the fix goes on the
        // container, where it takes effect.
        const rawUser = own?.runAsUser ?? pod?.runAsUser;
        const user =
          rawUser === undefined || rawUser === null
            ? undefined
            : asInt(rawUser);
        const nonRoot = (own?.runAsNonRoot ?? pod?.runAsNonRoot) === true;
        if (user !== 0 && (nonRoot || (user !== undefined && user > 0))) {
          return undefined;
        }
        return {
          problem:
            user === 0
              ? `"${name}" sets runAsUser: 0 (root)`
              : `"${name}" may run as root`,
          fix: NON_ROOT,
        };
      },
      passed: PASSED,
      advice:
        'Run each container as an unprivileged user (its image must work without root: files it writes owned by that user, no port below 1024):',
    });
  },
};
