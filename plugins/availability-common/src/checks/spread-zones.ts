import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass } from '../engine/outcomes';
import { ZONE_KEYS, podLabelsYaml, spreadingRule } from '../engine/spreading';

/** @internal */
export const spreadZones: WorkloadCheck = {
  id: 'spread-zones',
  title: 'Spread over zones',
  description:
    'Pods in one availability zone go down together when the zone fails. A topology spread constraint or pod anti-affinity on topology.kubernetes.io/zone keeps replicas in different zones.',
  severity: 'medium',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ workload }) {
    const rule = spreadingRule(workload, ZONE_KEYS);
    if (rule) {
      return pass(`Pods are spread over zones by ${rule}.`);
    }
    return fail(
      'Nothing spreads the pods over zones: no topology spread constraint or pod anti-affinity on topology.kubernetes.io/zone selects the pods of this workload, so the scheduler may place them all together.',
      `Add a topology spread constraint whose selector matches the pod labels:\n\n\`\`\`yaml\nspec:\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n${podLabelsYaml(
        workload,
        '              ',
      )}\n\`\`\``,
    );
  },
};
