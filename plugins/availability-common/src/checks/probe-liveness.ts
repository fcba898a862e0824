import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyAppContainerHas, withoutObject } from '../engine/containers';
import { fail, listNames, pass } from '../engine/outcomes';

const PASSED = pass('Every app container has a liveness probe.');
const NO_LIVENESS_PROBE = withoutObject('livenessProbe');

/** @internal */
export const probeLiveness: WorkloadCheck = {
  id: 'probe-liveness',
  title: 'Liveness probes',
  description:
    'A liveness probe lets Kubernetes restart a container that is stuck (deadlocked, wedged) instead of leaving it running and useless.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyAppContainerHas({
      workload,
      gap: NO_LIVENESS_PROBE,
      passed: PASSED,
      failed: missing =>
        fail(
          `Container ${listNames(
            missing,
          )} has no liveness probe, so a stuck process is never restarted.`,
          'Add a liveness probe that fails only when the process is beyond recovery, more leniently than the readiness probe:\n\n```yaml\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 10\n  failureThreshold: 6\n```',
        ),
    });
  },
};
