import type { V1Container } from '@kubernetes/client-node';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyAppContainerHas } from '../engine/containers';
import { fail, listNames, notApplicable, pass } from '../engine/outcomes';
import { asRecord, isRecord } from '../engine/read';

const PASSED = pass('Every app container has a preStop hook.');
const NO_TRAFFIC = notApplicable(
  'No Service of its namespace selects these pods: no traffic is routed to them, so none is cut off when they stop.',
);

const NO_PRE_STOP = (container: V1Container, position: number) =>
  isRecord(asRecord(container.lifecycle)?.preStop)
    ? undefined
    : containerName(container, position);

/** @internal */
export const gracefulShutdown: WorkloadCheck = {
  id: 'graceful-shutdown',
  title: 'Graceful shutdown',
  description:
    'Endpoints are removed asynchronously when a pod stops; a preStop hook keeps the container serving for a few seconds so in-flight and late-routed requests do not fail during rollouts.',
  severity: 'low',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload, services, namespaceServices }) {
    if (services.length === 0 && namespaceServices > 0) {
      return NO_TRAFFIC;
    }
    return everyAppContainerHas({
      workload,
      gap: NO_PRE_STOP,
      passed: PASSED,
      failed: gaps =>
        fail(
          `Container ${listNames(
            gaps,
          )} has no preStop hook, so requests routed to it while it stops fail.`,
          'Wait for endpoints to update before stopping (Kubernetes 1.30+ has a built-in sleep action):\n\n```yaml\nlifecycle:\n  preStop:\n    sleep:\n      seconds: 5\n```',
        ),
    });
  },
};
