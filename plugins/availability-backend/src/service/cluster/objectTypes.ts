/**
 * An object type the checks read, as one cluster-wide list.
 *
 * `entity` types (workloads, pods, Services) carry the entity's labels and
 * are listed by label selector; `related` types (budgets, autoscalers,
 * policies, claims) are small, often carry no entity label, and are listed
 * across all namespaces and matched to the workloads locally.
 */
export interface ObjectType {
  plural: string;
  kind: string;
  apiVersion: string;
  scope: 'entity' | 'related';
  /** Served only where its CRD is installed; a 404 means "none here". */
  optional?: boolean;
}

export const OBJECT_TYPES: readonly ObjectType[] = [
  { plural: 'deployments', kind: 'Deployment', apiVersion: 'apps/v1' },
  { plural: 'statefulsets', kind: 'StatefulSet', apiVersion: 'apps/v1' },
  { plural: 'daemonsets', kind: 'DaemonSet', apiVersion: 'apps/v1' },
  {
    plural: 'rollouts',
    kind: 'Rollout',
    apiVersion: 'argoproj.io/v1alpha1',
    optional: true,
  },
  { plural: 'pods', kind: 'Pod', apiVersion: 'v1' },
  { plural: 'services', kind: 'Service', apiVersion: 'v1' },
].map((t): ObjectType => ({ ...t, scope: 'entity' }));

export const RELATED_TYPES: readonly ObjectType[] = [
  {
    plural: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
  },
  {
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
  },
  {
    plural: 'scaledobjects',
    kind: 'ScaledObject',
    apiVersion: 'keda.sh/v1alpha1',
    optional: true,
  },
  {
    plural: 'networkpolicies',
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
  },
  {
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
  },
].map((t): ObjectType => ({ ...t, scope: 'related' }));

export const ALL_TYPES: readonly ObjectType[] = [
  ...OBJECT_TYPES,
  ...RELATED_TYPES,
];

/** The kube API path that lists the type, in one namespace or in all. */
export function listPath(type: ObjectType, namespace?: string): string {
  const prefix = type.apiVersion.includes('/')
    ? `/apis/${type.apiVersion}`
    : `/api/${type.apiVersion}`;
  return namespace
    ? `${prefix}/namespaces/${encodeURIComponent(namespace)}/${type.plural}`
    : `${prefix}/${type.plural}`;
}
