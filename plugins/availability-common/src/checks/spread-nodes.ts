import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass } from '../engine/outcomes';
import {
  HOSTNAME_KEYS,
  podLabelsYaml,
  spreadingRule,
} from '../engine/spreading';

/** @internal */
export const spreadNodes: WorkloadCheck = {
  id: 'spread-nodes',
  title: 'Spread over nodes',
  description:
    'Pods that share a node go down together when it fails or is drained. A topology spread constraint or pod anti-affinity on kubernetes.io/hostname keeps replicas on different nodes.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ workload }) {
    const rule = spreadingRule(workload, HOSTNAME_KEYS);
    if (rule) {
      return pass(`Pods are spread over nodes by ${rule}.`);
    }
    return fail(
      'Nothing spreads the pods over nodes: no topology spread constraint or pod anti-affinity on kubernetes.io/hostname selects the pods of this workload, so the scheduler may place them all together.',
      `Add a topology spread constraint whose selector matches the pod labels:\n\n\`\`\`yaml\nspec:\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: DoNotSchedule\n          labelSelector:\n            matchLabels:\n${podLabelsYaml(
        workload,
        '              ',
      )}\n\`\`\``,
    );
  },
};
