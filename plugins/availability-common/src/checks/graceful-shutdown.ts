import { everyAppContainerHas, lacking } from '../engine/containers';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, listNames, notApplicable, pass } from '../engine/outcomes';
import { asInt, asRecord, isRecord } from '../engine/read';
import { containerPatch, yamlBlock } from '../engine/snippets';

const PASSED = pass('Every app container has a preStop hook.');
const NO_TRAFFIC = notApplicable(
  'No Service of its namespace selects these pods: no traffic is routed to them, so none is cut off when they stop.',
);

/** How long endpoints take to drop a stopping pod, in seconds. */
const ENDPOINT_DELAY = 5;

const withoutPreStop = lacking(container =>
  isRecord(asRecord(container.lifecycle)?.preStop),
);

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
    // The wait counts against the grace period (default 30 s): keep a
    // second of it for the app's own shutdown.
    const grace = asInt(workload.podSpec.terminationGracePeriodSeconds) ?? 30;
    const seconds = Math.max(1, Math.min(ENDPOINT_DELAY, grace - 1));
    return everyAppContainerHas({
      workload,
      gap: withoutPreStop,
      passed: PASSED,
      failed: gaps =>
        fail(
          `Container ${listNames(
            gaps,
          )} has no preStop hook, so requests routed to it while it stops fail.`,
          `Wait for endpoints to update before stopping (the sleep action needs Kubernetes 1.30 or later; before that, an exec of \`sleep\` where the image has one):\n\n${yamlBlock(
            workload.containers
              .filter((c, i) => withoutPreStop(c, i) !== undefined)
              .map(container =>
                containerPatch(workload, container, {
                  lifecycle: { preStop: { sleep: { seconds } } },
                }),
              ),
          )}`,
        ),
    });
  },
};
