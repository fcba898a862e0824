import type { WorkloadCheck } from '../engine/model';
import { fail, pass } from '../engine/outcomes';
import { asNonEmptyString, asRecord } from '../engine/read';

/** @internal */
export const hpaPresent: WorkloadCheck = {
  id: 'hpa-present',
  title: 'Horizontal Pod Autoscaler',
  description:
    'An HPA adds pods when load rises, so a traffic spike slows the service down instead of taking it down.',
  severity: 'medium',
  category: 'static',
  // Not StatefulSets: scaling stateful members moves data, which an HPA
  // knows nothing of.
  appliesTo: ['Deployment'],
  run({ hpa, workload }) {
    if (hpa) {
      const name =
        asNonEmptyString(asRecord(hpa.metadata)?.name) ?? '(unnamed)';
      return pass(`HorizontalPodAutoscaler "${name}" scales it.`);
    }
    return fail(
      `No HorizontalPodAutoscaler targets ${workload.kind} "${workload.name}", so it cannot scale out under load.`,
      `\`\`\`yaml\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${workload.name}\n  namespace: ${workload.namespace}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${workload.kind}\n    name: ${workload.name}\n  minReplicas: 3\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n\`\`\``,
    );
  },
};
