import type { Workload, WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, listNames, notApplicable } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records } from '../engine/read';
import { selectedByPass } from '../engine/selectedBy';
import { podLabelsYaml } from '../engine/spreading';

const HOST_NETWORK = notApplicable(
  'The pods use the host network (hostNetwork: true), which NetworkPolicies do not govern.',
);

/** @internal */
export const networkPolicy: WorkloadCheck = {
  id: 'network-policy',
  title: 'NetworkPolicy',
  description:
    'A NetworkPolicy limits who can reach the pods, so a misbehaving or compromised neighbour cannot flood or probe them.',
  severity: 'medium',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ networkPolicies, workload, services }) {
    if (workload.podSpec.hostNetwork === true) {
      return HOST_NETWORK;
    }
    if (networkPolicies.length > 0) {
      return selectedByPass('NetworkPolicy', networkPolicies);
    }
    const routing = services.map(
      service =>
        asNonEmptyString(asRecord(service.metadata)?.name) ?? '(unnamed)',
    );
    return fail(
      `No NetworkPolicy in namespace "${workload.namespace}" selects these pods, so any pod in the cluster can reach them.`,
      `A policy that admits traffic to the ports its containers declare${
        routing.length > 0
          ? ` (where Service ${listNames(routing)} routes it)`
          : ''
      } and nothing else; narrow \`from\` once you know its clients:\n\n\`\`\`yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${
        workload.name
      }\n  namespace: ${
        workload.namespace
      }\nspec:\n  podSelector:\n    matchLabels:\n${podLabelsYaml(
        workload,
        '      ',
      )}\n  policyTypes: [Ingress]\n  ingress:\n${ingressRules(
        workload,
      )}\n\`\`\``,
    );
  },
};

/**
 * Ingress to every port the containers declare, from anywhere, so the
 * policy cuts off no traffic the workload serves; without declared ports,
 * all ingress (the policy then only marks the pods as governed).
 */
function ingressRules(workload: Workload): string {
  const ports = workload.containers.flatMap(container =>
    records(container.ports).flatMap(port =>
      typeof port.containerPort === 'number'
        ? [
            `        - port: ${port.containerPort}\n          protocol: ${
              asNonEmptyString(port.protocol) ?? 'TCP'
            }`,
          ]
        : [],
    ),
  );
  return ports.length > 0
    ? `    - ports:\n${[...new Set(ports)].join('\n')}`
    : '    # No container declares a port: this admits all ingress until you list the ports it serves.\n    - {}';
}
