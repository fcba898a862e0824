import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { failingContainers } from '../engine/containers';
import {
  constant,
  fail,
  listNames,
  NO_CONTAINERS,
  pass,
} from '../engine/outcomes';
import { asRecord, isRecord } from '../engine/read';

const PASSED = constant(pass('Every app container has a preStop hook.'));

/** @internal */
export const gracefulShutdown: WorkloadCheck = {
  id: 'graceful-shutdown',
  title: 'Graceful shutdown',
  description:
    'Endpoints are removed asynchronously when a pod stops; a preStop hook keeps the container serving for a few seconds so in-flight and late-routed requests do not fail during rollouts.',
  severity: 'low',
  category: 'static',
  target: 'workload',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    if (workload.containers.length === 0) {
      return NO_CONTAINERS;
    }
    const missing = failingContainers(
      workload.containers,
      container => !isRecord(asRecord(container.lifecycle)?.preStop),
    );
    if (missing.length === 0) {
      return PASSED;
    }
    return fail(
      `Container ${listNames(
        missing,
      )} has no preStop hook, so requests routed to it while it stops fail.`,
      'Wait for endpoints to update before stopping (Kubernetes 1.30+ has a built-in sleep action):\n\n```yaml\nlifecycle:\n  preStop:\n    sleep:\n      seconds: 5\n```',
    );
  },
};
