import type { Workload, WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, listNames, notApplicable } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records } from '../engine/read';
import { selectedByPass } from '../engine/selectedBy';
import { newObject, patchAt, yamlBlock } from '../engine/snippets';
import { ownPodLabels } from '../engine/spreading';

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
    // A bare Pod may carry no label: give it one to select it by.
    const own = ownPodLabels(workload);
    const labels = Object.keys(own).length > 0 ? own : { app: workload.name };
    const ports = declaredPorts(workload);
    return fail(
      `No NetworkPolicy in namespace "${workload.namespace}" selects these pods, so any pod in the cluster can reach them.`,
      `A policy that admits traffic to the ports its containers declare${
        routing.length > 0
          ? ` (where Service ${listNames(routing)} routes it)`
          : ''
      } and nothing else; narrow \`from\` once you know its clients.${
        ports.length === 0
          ? ' No container declares a port, so this admits all ingress until you list the ports it serves.'
          : ''
      }\n\n${yamlBlock([
        ...(labels === own ? [] : [patchAt(workload, 'metadata', { labels })]),
        newObject({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: workload.name, namespace: workload.namespace },
          spec: {
            podSelector: { matchLabels: labels },
            policyTypes: ['Ingress'],
            ingress: ports.length > 0 ? [{ ports }] : [{}],
          },
        }),
      ])}`,
    );
  },
};

/**
 * Every port the containers declare, so the policy cuts off no traffic
 * the workload serves; none when they declare none (the policy then
 * admits all ingress and only marks the pods as governed).
 */
function declaredPorts(
  workload: Workload,
): Array<{ port: number; protocol: string }> {
  const seen = new Set<string>();
  return workload.containers.flatMap(container =>
    records(container.ports).flatMap(port => {
      if (typeof port.containerPort !== 'number') {
        return [];
      }
      const protocol = asNonEmptyString(port.protocol) ?? 'TCP';
      const key = `${port.containerPort}/${protocol}`;
      if (seen.has(key)) {
        return [];
      }
      seen.add(key);
      return [{ port: port.containerPort, protocol }];
    }),
  );
}
