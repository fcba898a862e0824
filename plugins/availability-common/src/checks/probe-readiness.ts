import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyAppContainerHas, withoutObject } from '../engine/containers';
import { fail, listNames, pass } from '../engine/outcomes';

const PASSED = pass('Every app container has a readiness probe.');
const NO_READINESS_PROBE = withoutObject('readinessProbe');

/** @internal */
export const probeReadiness: WorkloadCheck = {
  id: 'probe-readiness',
  title: 'Readiness probes',
  description:
    'Without a readiness probe, a pod receives traffic as soon as it starts and keeps receiving it when it cannot serve. Every app container needs one.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyAppContainerHas({
      workload,
      gap: NO_READINESS_PROBE,
      passed: PASSED,
      failed: missing =>
        fail(
          `Container ${listNames(
            missing,
          )} has no readiness probe, so it gets traffic before it is ready and while it is failing.`,
          'Add a readiness probe that checks the container can serve requests:\n\n```yaml\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n  periodSeconds: 5\n  failureThreshold: 3\n```',
        ),
    });
  },
};
