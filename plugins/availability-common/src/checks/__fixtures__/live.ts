import { pod, withPatch } from './objects';

/** A running pod of the `api` Deployment, owned through its ReplicaSet. */
export function apiPod(
  name: string,
  options: {
    node?: string;
    ready?: boolean;
    patch?: Record<string, unknown>;
  } = {},
) {
  return withPatch(
    pod({
      'metadata.name': name,
      'metadata.labels': { app: 'api', 'pod-template-hash': '5d8f' },
      'metadata.ownerReferences': [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'api-5d8f',
          controller: true,
        },
      ],
      'spec.nodeName': options.node ?? 'node-a',
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Ready', status: options.ready === false ? 'False' : 'True' },
        ],
        containerStatuses: [
          { name: 'api', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    }),
    options.patch ?? {},
  );
}

export function node(name: string, zone?: string) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: zone ? { 'topology.kubernetes.io/zone': zone } : {},
    },
  };
}
