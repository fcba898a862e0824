import type {
  KubernetesObject,
  V1Container,
  V1LabelSelector,
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodDisruptionBudget,
  V1PodSpec,
  V1Service,
} from '@kubernetes/client-node';
import type { CheckInfo, CheckStatus, SourceLocation } from '../types';
import type { Dict } from './read';
import type { ParsedDockerfile } from './dockerfile';

/** @internal */
export type WorkloadKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Rollout'
  | 'Pod';

/** @internal */
export const CONTROLLER_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
];

/** @internal */
export const ALL_WORKLOAD_KINDS: readonly WorkloadKind[] = [
  ...CONTROLLER_KINDS,
  'Pod',
];

/**
 * Deployments and the Argo Rollouts judged as Deployments.
 *
 * @internal
 */
export const DEPLOYMENT_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'Rollout',
];

/**
 * Deployments, Rollouts and StatefulSets: the kinds that have replicas.
 *
 * @internal
 */
export const REPLICATED_KINDS: readonly WorkloadKind[] = [
  ...DEPLOYMENT_KINDS,
  'StatefulSet',
];

/**
 * What every reported object shares.
 *
 * @internal
 */
export interface ObjectIdentity {
  name: string;
  namespace: string;
  /** Set for live objects only. */
  cluster?: string;
  source?: SourceLocation;
  annotations: Record<string, string>;
}

/**
 * A workload as the checks see it: the raw object plus the parts of it that
 * were read defensively once (a malformed field reads as empty).
 *
 * @internal
 */
export interface Workload extends ObjectIdentity {
  kind: WorkloadKind;
  object: KubernetesObject;
  /** The controller's spec, or the Pod's own spec. */
  spec: Dict;
  status: Dict | undefined;
  /** The pod template's spec (a bare Pod's own spec); `{}` when unreadable. */
  podSpec: V1PodSpec;
  podLabels: Record<string, string>;
  /** App containers (records only). */
  containers: V1Container[];
  initContainers: V1Container[];
  /** The controller's `spec.selector`; undefined for bare Pods. */
  selector: V1LabelSelector | undefined;
  /**
   * Why the pod template cannot be read: a Rollout whose `workloadRef`
   * names a Deployment that is not in the input. Checks that read the
   * template are then `unknown`.
   */
  templateMissing?: string;
  /**
   * The Deployment whose pod template a Rollout uses (`workloadRef`):
   * template fixes go there.
   */
  templateFrom?: string;
}

/** @internal */
export interface ServiceTarget extends ObjectIdentity {
  kind: 'Service';
  object: V1Service;
}

/** @internal */
export type AutoscalerKind = 'HorizontalPodAutoscaler' | 'ScaledObject';

/**
 * A resource an autoscaler computes utilization of, optionally for one
 * container.
 *
 * @internal
 */
export interface ScaledResource {
  resource: string;
  container?: string;
}

/**
 * An HPA or a KEDA ScaledObject, read once into the terms the HPA rows
 * use: a ScaledObject's `minReplicaCount` (default 0) and
 * `maxReplicaCount` (default 100) are its `minReplicas` and `maxReplicas`,
 * its cpu and memory triggers its `Resource` metrics.
 *
 * @internal
 */
export interface Autoscaler extends ObjectIdentity {
  kind: AutoscalerKind;
  object: Dict;
  /** The `scaleTargetRef` kind (a ScaledObject's defaults to Deployment). */
  targetKind: string | undefined;
  targetName: string | undefined;
  /** The spec fields that hold the bounds: `minReplicas` or `minReplicaCount`. */
  fields: { min: string; max: string };
  /** The minimum, defaulted; a `problem` when it is not a whole number. */
  min: { value: number; problem?: undefined } | { problem: string };
  /** The maximum; a `problem` when it is absent or not a whole number. */
  max: { value: number; problem?: undefined } | { problem: string };
  /** What it computes utilization of (it then needs requests for them). */
  resources: ScaledResource[];
  /**
   * The HPA status (for a ScaledObject, that of the HPA KEDA made for it,
   * when that is in the input).
   */
  status: Dict | undefined;
}

/**
 * Effective replicas: from the autoscaler that targets the workload, else
 * `spec.replicas`; a `problem` when the field that decides is malformed.
 *
 * @internal
 */
export type EffectiveReplicas =
  | {
      value: number;
      from: 'autoscaler' | 'spec' | 'default';
      problem?: undefined;
    }
  | { value?: undefined; from: 'autoscaler' | 'spec'; problem: string };

/** @internal */
export interface Thresholds {
  minReplicas: number;
  maxRestarts: number;
}

/**
 * What a workload check is handed: one workload and the objects of its
 * namespace that relate to it.
 *
 * @internal
 */
export interface WorkloadSubject {
  workload: Workload;
  /** True for objects read from a cluster. */
  live: boolean;
  thresholds: Thresholds;
  /**
   * The autoscaler (HPA or ScaledObject) that targets a workload with
   * replicas, the one with the lowest minimum when several do.
   */
  autoscaler: Autoscaler | undefined;
  pdbs: V1PodDisruptionBudget[];
  networkPolicies: V1NetworkPolicy[];
  /** Pods of the workload in the input (a bare Pod is its own). */
  pods: V1Pod[];
  /** Services of its namespace that select its pods. */
  services: V1Service[];
  /** How many Services its namespace has in the input. */
  namespaceServices: number;
  /** Undefined for DaemonSets and bare Pods. */
  replicas: EffectiveReplicas | undefined;
  /** Services of the workload's namespace (and cluster) with this name. */
  servicesNamed(name: string): V1Service[];
  claimNamed(name: string): V1PersistentVolumeClaim | undefined;
  /** A Node of the workload's cluster; undefined when not in the input. */
  nodeNamed(name: string): V1Node | undefined;
}

/** @internal */
export interface ServiceSubject {
  service: ServiceTarget;
  /** Workloads of the Service's namespace whose pod template it selects. */
  selectedWorkloads: Workload[];
  /** Workloads of the Service's namespace. */
  namespaceWorkloads: readonly Workload[];
  /** Custom resources (an operator's, maybe) of the Service's namespace. */
  customResources: number;
  /** Live pods of the namespace that the selector matches (clusters only). */
  selectedPods: number;
}

/**
 * What an autoscaler check is handed: the autoscaler and what its
 * `scaleTargetRef` names in its namespace.
 *
 * @internal
 */
export interface AutoscalerSubject {
  autoscaler: Autoscaler;
  /** The workload it targets, by kind and name. */
  target: Workload | undefined;
  /**
   * The Rollout whose `workloadRef` names the Deployment it targets: the
   * autoscaler must target the Rollout instead.
   */
  replacedBy: Workload | undefined;
  /** Workloads with replicas of its namespace that no autoscaler targets. */
  unscaled: readonly Workload[];
}

/** @internal */
export interface DockerfileSubject {
  path: string;
  dockerfile: ParsedDockerfile;
  hasDockerignore: boolean;
}

/**
 * What a check returns; exemptions and severity are applied by the engine.
 *
 * @internal
 */
export interface CheckOutcome {
  status: Exclude<CheckStatus, 'exempt'>;
  message: string;
  remediation?: string;
}

/**
 * A check: its catalog entry, the kinds it applies to and how it judges one
 * subject. The engine hands it subjects of those kinds only, runs runtime
 * checks on live objects only, and applies severity overrides and
 * exemptions itself.
 *
 * @internal
 */
export interface Check<Kind extends string, Subject> extends CheckInfo {
  appliesTo: readonly Kind[];
  /**
   * False for the workload checks that judge only the controller's own
   * spec or live state (the replicas, rollout, autoscaler and runtime
   * rows): they still run on a Rollout whose pod template is missing.
   */
  readsPodTemplate?: false;
  run(subject: Subject): CheckOutcome;
}

/** @internal */
export type WorkloadCheck = Check<WorkloadKind, WorkloadSubject>;

/** @internal */
export type ServiceCheck = Check<'Service', ServiceSubject>;

/** @internal */
export type AutoscalerCheck = Check<AutoscalerKind, AutoscalerSubject>;

/** @internal */
export type DockerfileCheck = Check<'Dockerfile', DockerfileSubject>;

/**
 * One check of the catalog: its public description plus how it runs.
 *
 * @internal
 */
export type AvailabilityCheck =
  | WorkloadCheck
  | ServiceCheck
  | AutoscalerCheck
  | DockerfileCheck;
