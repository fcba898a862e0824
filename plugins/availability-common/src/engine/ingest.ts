import type {
  KubernetesObject,
  V1Container,
  V1LabelSelector,
  V1PodSpec,
} from '@kubernetes/client-node';
import type { EvaluationObject, ReportWarning, SourceLocation } from '../types';
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
  Rollout: 'argoproj.io',
  Pod: '',
  Service: '',
  PersistentVolumeClaim: '',
  Node: '',
  HorizontalPodAutoscaler: 'autoscaling',
  ScaledObject: 'keda.sh',
  PodDisruptionBudget: 'policy',
  NetworkPolicy: 'networking.k8s.io',
};

/**
 * The API versions evaluated for workload, autoscaler and PDB kinds; other
 * versions of these kinds are not evaluated and go to the report's warnings.
 */
const EVALUATED_VERSIONS: Record<string, readonly string[]> = {
  Deployment: ['apps/v1'],
  StatefulSet: ['apps/v1'],
  DaemonSet: ['apps/v1'],
  Rollout: ['argoproj.io/v1alpha1'],
  HorizontalPodAutoscaler: ['autoscaling/v1', 'autoscaling/v2'],
  ScaledObject: ['keda.sh/v1alpha1'],
  PodDisruptionBudget: ['policy/v1'],
};

/** When API versions that manifests still carry stopped being served. */
const REMOVED_VERSIONS: Record<string, string> = {
  'extensions/v1beta1': '1.16',
  'apps/v1beta1': '1.16',
  'apps/v1beta2': '1.16',
  'autoscaling/v2beta1': '1.25',
  'autoscaling/v2beta2': '1.26',
  'policy/v1beta1': '1.25',
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
 * Where `ingest` hands what it reads.
 *
 * @internal
 */
export interface IngestSink {
  /** An object of a kind the engine reads. */
  add(entry: IngestedObject): void;
  /** A custom resource (see the contract's Terms): maybe an operator's pods. */
  customResource(entry: IngestedObject): void;
  /** A document of an evaluated kind under an API version that is not. */
  warn(warning: ReportWarning): void;
}

/**
 * Hands each input object to `sink`, expanding `List` objects and dropping
 * what the engine does not read (other kinds, no kind, not a record).
 *
 * @internal
 */
export function ingest(objects: readonly EvaluationObject[], sink: IngestSink) {
  for (const input of Array.isArray(objects) ? objects : []) {
    if (isRecord(input) && isRecord(input.object)) {
      visit(
        input.object as unknown as Dict,
        typeof input.cluster === 'string' ? input.cluster : undefined,
        isRecord(input.source)
          ? (input.source as unknown as SourceLocation)
          : undefined,
        sink,
      );
    }
  }
}

function visit(
  object: Dict,
  cluster: string | undefined,
  source: SourceLocation | undefined,
  sink: IngestSink,
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
        sink,
      );
    }
    return;
  }
  const apiVersion = asString(object.apiVersion);
  const metadata = asRecord(object.metadata) ?? {};
  const entry = (): IngestedObject => ({
    kind,
    object,
    metadata,
    name: asNonEmptyString(metadata.name) ?? '(unnamed)',
    namespace: asNonEmptyString(metadata.namespace) ?? 'default',
    cluster,
    source,
  });
  if (!hasOwn(KIND_GROUPS, kind)) {
    if (apiVersion !== undefined && isCustomResource(apiVersion, kind)) {
      sink.customResource(entry());
    }
    return;
  }
  if (apiVersion === undefined) {
    sink.add(entry());
  } else if (hasOwn(EVALUATED_VERSIONS, kind)) {
    if (EVALUATED_VERSIONS[kind].includes(apiVersion)) {
      sink.add(entry());
    } else if (
      inGroup(apiVersion, kind) ||
      hasOwn(REMOVED_VERSIONS, apiVersion)
    ) {
      sink.warn(notEvaluated(apiVersion, kind, cluster, source));
    } else if (isCustomResource(apiVersion, kind)) {
      // Another project's kind of the same name (a `Rollout` that is not
      // Argo's): a custom resource like any other.
      sink.customResource(entry());
    }
  } else if (inGroup(apiVersion, kind)) {
    sink.add(entry());
  }
}

function notEvaluated(
  apiVersion: string,
  kind: string,
  cluster: string | undefined,
  source: SourceLocation | undefined,
): ReportWarning {
  const removed = REMOVED_VERSIONS[apiVersion];
  const warning: ReportWarning = {
    source: source?.path ?? (cluster !== undefined ? `cluster ${cluster}` : ''),
    message: removed
      ? `${apiVersion} ${kind} is not served since Kubernetes ${removed}: not evaluated`
      : `${apiVersion} ${kind} is not an API version the checks evaluate (${EVALUATED_VERSIONS[
          kind
        ].join(', ')}): not evaluated`,
  };
  if (source?.line !== undefined) {
    warning.line = source.line;
  }
  return warning;
}

/**
 * An object of an API group that has a dot and is not a Kubernetes one
 * (`monitoring.coreos.com/v1`), other than a CustomResourceDefinition.
 */
function isCustomResource(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  return (
    group.includes('.') &&
    !group.endsWith('.k8s.io') &&
    kind !== 'CustomResourceDefinition'
  );
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
    ...templateParts(kind === 'Pod' ? entry.object : asRecord(spec.template)),
    selector:
      kind === 'Pod'
        ? undefined
        : (asRecord(spec.selector) as V1LabelSelector | undefined),
  };
}

/** The parts of a pod template the checks read. */
function templateParts(
  template: Dict | undefined,
): Pick<Workload, 'podSpec' | 'podLabels' | 'containers' | 'initContainers'> {
  const podSpec = (asRecord(template?.spec) ?? {}) as unknown as V1PodSpec;
  return {
    podSpec,
    podLabels: stringMap(asRecord(template?.metadata)?.labels),
    containers: records<V1Container>(podSpec.containers),
    initContainers: records<V1Container>(podSpec.initContainers),
  };
}

/**
 * The Deployment whose pod template a Rollout uses (`spec.workloadRef`),
 * or undefined when the Rollout has a template of its own.
 *
 * @internal
 */
export function workloadRefOf(
  workload: Workload,
): { kind: string; name: string } | undefined {
  if (workload.kind !== 'Rollout') {
    return undefined;
  }
  const ref = asRecord(workload.spec.workloadRef);
  if (!ref) {
    return undefined;
  }
  return {
    kind: asNonEmptyString(ref.kind) ?? 'Deployment',
    name: asNonEmptyString(ref.name) ?? '',
  };
}

/**
 * A Rollout with `workloadRef` as the checks see it: with the pod template
 * of the Deployment it names, or, when that is not in the input, with the
 * template marked missing.
 *
 * @internal
 */
export function withReferencedTemplate(
  rollout: Workload,
  ref: { kind: string; name: string },
  deployment: Workload | undefined,
): Workload {
  if (!deployment) {
    return {
      ...rollout,
      templateMissing:
        ref.kind === 'Deployment'
          ? `spec.workloadRef names Deployment "${ref.name}", which is not in the input, so the pod template cannot be read.`
          : `spec.workloadRef names a ${ref.kind}, not a Deployment, so the pod template cannot be read.`,
    };
  }
  return {
    ...rollout,
    podSpec: deployment.podSpec,
    podLabels: deployment.podLabels,
    containers: deployment.containers,
    initContainers: deployment.initContainers,
    selector: rollout.selector ?? deployment.selector,
    templateFrom: deployment.name,
  };
}
