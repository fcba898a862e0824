import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail } from '../engine/outcomes';
import { selectedByPass } from '../engine/selectedBy';
import { podLabelsYaml } from '../engine/spreading';

/** @internal */
export const networkPolicy: WorkloadCheck = {
  id: 'network-policy',
  title: 'NetworkPolicy',
  description:
    'A NetworkPolicy limits who can reach the pods, so a misbehaving or compromised neighbour cannot flood or probe them.',
  severity: 'medium',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ networkPolicies, workload }) {
    if (networkPolicies.length > 0) {
      return selectedByPass('NetworkPolicy', networkPolicies);
    }
    return fail(
      `No NetworkPolicy in namespace "${workload.namespace}" selects these pods, so any pod in the cluster can reach them.`,
      `\`\`\`yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${
        workload.name
      }\n  namespace: ${
        workload.namespace
      }\nspec:\n  podSelector:\n    matchLabels:\n${podLabelsYaml(
        workload,
        '      ',
      )}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ${
        workload.namespace
      }\n\`\`\``,
    );
  },
};
