import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyContainer } from '../engine/containers';
import { constant, fail, NO_CONTAINERS, pass } from '../engine/outcomes';
import { asInt, asRecord } from '../engine/read';

const PASSED = constant(pass('Every container runs as a non-root user.'));

/** @internal */
export const securityNonRoot: WorkloadCheck = {
  id: 'security-non-root',
  title: 'Containers run as non-root',
  description:
    'A container running as root turns any bug into a foothold on the node. Set runAsNonRoot: true or a non-zero runAsUser, on the pod or on every container.',
  severity: 'high',
  category: 'static',
  target: 'workload',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    const containers = everyContainer(workload);
    if (containers.length === 0) {
      return NO_CONTAINERS;
    }
    const pod = asRecord(workload.podSpec.securityContext);
    const problems = containers.flatMap((container, i) => {
      const own = asRecord(container.securityContext);
      // Each field resolves container-over-pod.
      const rawUser = own?.runAsUser ?? pod?.runAsUser;
      const user =
        rawUser === undefined || rawUser === null ? undefined : asInt(rawUser);
      const nonRoot = (own?.runAsNonRoot ?? pod?.runAsNonRoot) === true;
      const name = containerName(container, i);
      if (user === 0) {
        return [`"${name}" sets runAsUser: 0 (root)`];
      }
      if (user !== undefined && user > 0) {
        return [];
      }
      return nonRoot ? [] : [`"${name}" may run as root`];
    });
    if (problems.length === 0) {
      return PASSED;
    }
    return fail(
      `${problems.join('; ')}.`,
      'Run as an unprivileged user (the image must support it):\n\n```yaml\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n```',
    );
  },
};
