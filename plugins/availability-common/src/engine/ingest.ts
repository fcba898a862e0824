import type {
  KubernetesObject,
  V1Container,
  V1LabelSelector,
  V1PodSpec,
} from '@kubernetes/client-node';
import type { EvaluationObject, SourceLocation } from '../types';
import type { Workload, WorkloadKind } from './model';
import {
  asNonEmptyString,
  asRecord,
  asString,
  Dict,
  hasOwn,
  isRecord,
  records,
  stringMap,
} from './read';

/** The API group each kind we read must come from ('' is the core group). */
const KIND_GROUPS: Record<string, string> = {
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Pod: '',
  Service: '',
  PersistentVolumeClaim: '',
  Node: '',
  HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy',
  NetworkPolicy: 'networking.k8s.io',
};

/** `apiVersion` prefixes of the groups above (`apps/`), computed once. */
const GROUP_PREFIXES: Record<string, string> = Object.fromEntries(
  Object.entries(KIND_GROUPS).map(([kind, group]) => [kind, `${group}/`]),
);

/**
 * One input object of a kind the engine reads, with its identity read
 * defensively.
 *
 * @internal
 */
export interface IngestedObject {
  kind: string;
  object: Dict;
  metadata: Dict;
  name: string;
  namespace: string;
  cluster?: string;
  source?: SourceLocation;
}

/**
 * Hands each input object of a kind the engine reads to `add`, expanding
 * `List` objects and dropping anything else (wrong API group, no kind, not
 * a record).
 *
 * @internal
 */
export function ingest(
  objects: readonly EvaluationObject[],
  add: (entry: IngestedObject) => void,
) {
  for (const input of Array.isArray(objects) ? objects : []) {
    if (isRecord(input) && isRecord(input.object)) {
      visit(
        input.object as unknown as Dict,
        typeof input.cluster === 'string' ? input.cluster : undefined,
        isRecord(input.source)
          ? (input.source as unknown as SourceLocation)
          : undefined,
        add,
      );
    }
  }
}

function visit(
  object: Dict,
  cluster: string | undefined,
  source: SourceLocation | undefined,
  add: (entry: IngestedObject) => void,
) {
  const kind = asString(object.kind);
  if (kind === undefined) {
    return;
  }
  if (kind.endsWith('List') && Array.isArray(object.items)) {
    // Items of a typed list (PodList) may omit their kind.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -4);
    for (const item of records(object.items)) {
      visit(
        item.kind || !itemKind ? item : { ...item, kind: itemKind },
        cluster,
        source,
        add,
      );
    }
    return;
  }
  if (!hasOwn(KIND_GROUPS, kind)) {
    return;
  }
  const apiVersion = asString(object.apiVersion);
  if (apiVersion !== undefined && !inGroup(apiVersion, kind)) {
    return;
  }
  const metadata = asRecord(object.metadata) ?? {};
  add({
    kind,
    object,
    metadata,
    name: asNonEmptyString(metadata.name) ?? '(unnamed)',
    namespace: asNonEmptyString(metadata.namespace) ?? 'default',
    cluster,
    source,
  });
}

/** Whether an `apiVersion` names the API group a kind must come from. */
function inGroup(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) {
    // `v1`: the core group.
    return KIND_GROUPS[kind] === '';
  }
  return apiVersion.startsWith(GROUP_PREFIXES[kind]);
}

/**
 * A workload as the checks see it, its pod template read once.
 *
 * @internal
 */
export function toWorkload(
  entry: IngestedObject,
  kind: WorkloadKind,
): Workload {
  const spec = asRecord(entry.object.spec) ?? {};
  const template = kind === 'Pod' ? entry.object : asRecord(spec.template);
  const templateMetadata = asRecord(template?.metadata) ?? {};
  const podSpec = (asRecord(template?.spec) ?? {}) as unknown as V1PodSpec;
  return {
    kind,
    object: entry.object as KubernetesObject,
    name: entry.name,
    namespace: entry.namespace,
    cluster: entry.cluster,
    source: entry.source,
    annotations: stringMap(entry.metadata.annotations),
    spec,
    status: asRecord(entry.object.status),
    podSpec,
    podLabels: stringMap(templateMetadata.labels),
    containers: records<V1Container>(podSpec.containers),
    initContainers: records<V1Container>(podSpec.initContainers),
    selector:
      kind === 'Pod'
        ? undefined
        : (asRecord(spec.selector) as V1LabelSelector | undefined),
  };
}
