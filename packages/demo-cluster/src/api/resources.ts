/**
 * A resource type the emulator serves.
 *
 * @internal
 */
export interface ApiResource {
  /** '' for the core group. */
  group: string;
  /** Every version it is served in; the first is the one fixtures are stored in. */
  versions: string[];
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

/**
 * The resource types served, a subset of a real cluster: what the kubernetes
 * backend and the availability checks read.
 *
 * @internal
 */
export const API_RESOURCES: ApiResource[] = [
  ...(
    [
      ['pods', 'Pod', true, ['po']],
      ['services', 'Service', true, ['svc']],
      ['configmaps', 'ConfigMap', true, ['cm']],
      ['secrets', 'Secret', true, []],
      ['limitranges', 'LimitRange', true, ['limits']],
      ['resourcequotas', 'ResourceQuota', true, ['quota']],
      ['persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc']],
      ['serviceaccounts', 'ServiceAccount', true, ['sa']],
      ['persistentvolumes', 'PersistentVolume', false, ['pv']],
      ['nodes', 'Node', false, ['no']],
      ['namespaces', 'Namespace', false, ['ns']],
    ] as const
  ).map(([plural, kind, namespaced, shortNames]) => ({
    group: '',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames: [...shortNames],
  })),
  ...(
    [
      ['deployments', 'Deployment', ['deploy']],
      ['replicasets', 'ReplicaSet', ['rs']],
      ['statefulsets', 'StatefulSet', ['sts']],
      ['daemonsets', 'DaemonSet', ['ds']],
    ] as const
  ).map(([plural, kind, shortNames]) => ({
    group: 'apps',
    versions: ['v1'],
    plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced: true,
    shortNames: [...shortNames],
  })),
  {
    group: 'autoscaling',
    versions: ['v2', 'v1'],
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
  },
  {
    group: 'policy',
    versions: ['v1'],
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
  },
  {
    group: 'networking.k8s.io',
    versions: ['v1'],
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    kind: 'NetworkPolicy',
    namespaced: true,
    shortNames: ['netpol'],
  },
  {
    group: 'networking.k8s.io',
    versions: ['v1'],
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
  },
  {
    group: 'batch',
    versions: ['v1'],
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
  },
  {
    group: 'batch',
    versions: ['v1'],
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
  },
  {
    group: 'scheduling.k8s.io',
    versions: ['v1'],
    plural: 'priorityclasses',
    singular: 'priorityclass',
    kind: 'PriorityClass',
    namespaced: false,
    shortNames: ['pc'],
  },
  {
    group: 'metrics.k8s.io',
    versions: ['v1beta1'],
    plural: 'pods',
    singular: '',
    kind: 'PodMetrics',
    namespaced: true,
  },
  {
    group: 'metrics.k8s.io',
    versions: ['v1beta1'],
    plural: 'nodes',
    singular: '',
    kind: 'NodeMetrics',
    namespaced: false,
  },
];

/** @internal */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/**
 * The resource a fixture object belongs to, from its `apiVersion` and `kind`.
 *
 * @internal
 */
export function resourceForObject(
  apiVersion: string,
  kind: string,
): ApiResource | undefined {
  const [group, version] = apiVersion.includes('/')
    ? apiVersion.split('/', 2)
    : ['', apiVersion];
  return API_RESOURCES.find(
    r => r.group === group && r.kind === kind && r.versions.includes(version),
  );
}

/** @internal */
export function findResource(
  group: string,
  version: string,
  plural: string,
): ApiResource | undefined {
  return API_RESOURCES.find(
    r =>
      r.group === group && r.plural === plural && r.versions.includes(version),
  );
}

/** @internal */
export function resourceKey(resource: ApiResource): string {
  return `${resource.group}/${resource.plural}`;
}
