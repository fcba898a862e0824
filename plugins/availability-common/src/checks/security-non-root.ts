import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyContainer } from '../engine/containers';
import { fail, NO_CONTAINERS, pass } from '../engine/outcomes';
import { asInt, asRecord } from '../engine/read';

const PASSED = pass('Every container runs as a non-root user.');

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
    const containers = everyContainer(workload);
    if (containers.length === 0) {
      return NO_CONTAINERS;
    }
    const pod = asRecord(workload.podSpec.securityContext);
    let problems: string[] | undefined;
    containers.forEach((container, i) => {
      const own = asRecord(container.securityContext);
      // Each field resolves container-over-pod.
      const rawUser = own?.runAsUser ?? pod?.runAsUser;
      const user =
        rawUser === undefined || rawUser === null ? undefined : asInt(rawUser);
      if (user === 0) {
        (problems ??= []).push(
          `"${containerName(container, i)}" sets runAsUser: 0 (root)`,
        );
      } else if (
        (user === undefined || user <= 0) &&
        (own?.runAsNonRoot ?? pod?.runAsNonRoot) !== true
      ) {
        (problems ??= []).push(
          `"${containerName(container, i)}" may run as root`,
        );
      }
    });
    if (!problems) {
      return PASSED;
    }
    return fail(
      `${problems.join('; ')}.`,
      'Run as an unprivileged user (the image must support it):\n\n```yaml\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n```',
    );
  },
};
