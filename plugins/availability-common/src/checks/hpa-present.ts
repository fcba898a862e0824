import {
  describeAutoscaler,
  roomAbove,
  scaleTargetRefOf,
} from '../engine/autoscalers';
import { containerName } from '../engine/containers';
import type { Workload, WorkloadCheck } from '../engine/model';
import { DEPLOYMENT_KINDS } from '../engine/model';
import { fail, listNames, pass } from '../engine/outcomes';
import { requestsResource } from '../engine/resources';
import { newObject, yamlBlock } from '../engine/snippets';

/** @internal */
export const hpaPresent: WorkloadCheck = {
  id: 'hpa-present',
  title: 'Horizontal Pod Autoscaler',
  description:
    'An HPA (or KEDA ScaledObject) adds pods when load rises, so a traffic spike slows the service down instead of taking it down.',
  severity: 'medium',
  category: 'static',
  // Not StatefulSets: scaling stateful members moves data, which an HPA
  // knows nothing of.
  appliesTo: DEPLOYMENT_KINDS,
  readsPodTemplate: false,
  run({ autoscaler, workload, replicas, thresholds }) {
    if (autoscaler) {
      return pass(`${describeAutoscaler(autoscaler)} scales it.`);
    }
    // Never fewer than it runs now, nor than replicas-min asks for.
    const min = Math.max(replicas?.value ?? 0, thresholds.minReplicas, 2);
    return fail(
      `No HorizontalPodAutoscaler targets ${workload.kind} "${workload.name}", so it cannot scale out under load.`,
      `${cpuNote(workload)}${yamlBlock([
        newObject({
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: workload.name, namespace: workload.namespace },
          spec: {
            scaleTargetRef: scaleTargetRefOf(workload),
            minReplicas: min,
            maxReplicas: roomAbove(min),
            metrics: [
              {
                type: 'Resource',
                resource: {
                  name: 'cpu',
                  target: { type: 'Utilization', averageUtilization: 70 },
                },
              },
            ],
          },
        }),
      ])}`,
    );
  },
};

/** The containers that must request CPU first, or the HPA cannot scale. */
function cpuNote(workload: Workload): string {
  const without = workload.containers.flatMap((container, i) =>
    requestsResource(container, 'cpu') ? [] : [containerName(container, i)],
  );
  return without.length > 0
    ? `Container ${listNames(
        without,
      )} requests no CPU: add the requests first (see resources-requests), or this HPA cannot compute utilization (hpa-requests).\n\n`
    : '';
}
