import type { WorkloadCheck } from '../engine/model';
import { fail } from '../engine/outcomes';
import { newObject, yamlBlock } from '../engine/snippets';

/** @internal */
export const podController: WorkloadCheck = {
  id: 'pod-controller',
  title: 'Run pods from a controller',
  description:
    'Nothing recreates a bare Pod when its node fails or it is evicted. Run it from a Deployment or StatefulSet.',
  severity: 'critical',
  category: 'static',
  appliesTo: ['Pod'],
  run({ workload }) {
    const labels =
      Object.keys(workload.podLabels).length > 0
        ? workload.podLabels
        : { app: workload.name };
    return fail(
      `"${workload.name}" is a bare Pod: nothing recreates it when its node fails, it is evicted or deleted.`,
      `Replace the Pod with a Deployment that runs its spec (a StatefulSet for stateful apps), then delete the Pod:\n\n${yamlBlock(
        [
          newObject({
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: workload.name, namespace: workload.namespace },
            spec: {
              replicas: 2,
              selector: { matchLabels: labels },
              template: { metadata: { labels }, spec: workload.podSpec },
            },
          }),
        ],
      )}`,
    );
  },
};
