import type { WorkloadCheck } from '../engine/model';
import { fail } from '../engine/outcomes';

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
    return fail(
      `"${workload.name}" is a bare Pod: nothing recreates it when its node fails, it is evicted or deleted.`,
      "Move the pod spec into the template of a Deployment (or a StatefulSet for stateful apps):\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-app\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: my-app\n  template:\n    metadata:\n      labels:\n        app: my-app\n    spec:\n      containers: [] # the Pod's containers\n```",
    );
  },
};
