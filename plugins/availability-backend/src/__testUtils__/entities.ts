import { Entity } from '@backstage/catalog-model';

/** The annotation that puts an entity's workloads in reach (and so gives it a report). */
export function kubernetesId(name: string): Record<string, string> {
  return { 'backstage.io/kubernetes-id': name };
}

/**
 * A Component in the default namespace as the catalog serves it: a service
 * owned by team-a, annotated with its `backstage.io/kubernetes-id` unless
 * `annotations` says otherwise.
 */
export function componentEntity(
  name: string,
  options: {
    owner?: string;
    system?: string;
    lifecycle?: string;
    type?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  const { system, lifecycle } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: options.annotations ?? kubernetesId(name),
    },
    spec: {
      type: options.type ?? 'service',
      owner: options.owner ?? 'team-a',
      ...(system && { system }),
      ...(lifecycle && { lifecycle }),
    },
  };
}
