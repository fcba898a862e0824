import type {
  KubernetesObject,
  V1Container,
  V1HorizontalPodAutoscaler,
  V1LabelSelector,
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodDisruptionBudget,
  V1PodSpec,
  V1Service,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import type { CheckInfo, CheckStatus, SourceLocation } from '../types';
import type { Dict } from './read';
import type { ParsedDockerfile } from './dockerfile';

/** @internal */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod';

/** @internal */
export const CONTROLLER_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
];

/** @internal */
export const ALL_WORKLOAD_KINDS: readonly WorkloadKind[] = [
  ...CONTROLLER_KINDS,
  'Pod',
];

/**
 * Deployments and StatefulSets: the kinds that have replicas.
 *
 * @internal
 */
export const REPLICATED_KINDS: readonly WorkloadKind[] = [
  'Deployment',
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
}

/** @internal */
export interface ServiceTarget extends ObjectIdentity {
  kind: 'Service';
  object: V1Service;
}

/** @internal */
export type HorizontalPodAutoscaler =
  | V1HorizontalPodAutoscaler
  | V2HorizontalPodAutoscaler;

/**
 * Effective replicas: from the targeting HPA's `minReplicas`, else
 * `spec.replicas`; a `problem` when the field that decides is malformed.
 *
 * @internal
 */
export type EffectiveReplicas =
  | { value: number; from: 'hpa' | 'spec' | 'default'; problem?: undefined }
  | { value?: undefined; from: 'hpa' | 'spec'; problem: string };

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
  hpa: HorizontalPodAutoscaler | undefined;
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
  namespaceWorkloads: number;
  /** Custom resources (an operator's, maybe) of the Service's namespace. */
  customResources: number;
  /** Live pods of the namespace that the selector matches (clusters only). */
  selectedPods: number;
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
  run(subject: Subject): CheckOutcome;
}

/** @internal */
export type WorkloadCheck = Check<WorkloadKind, WorkloadSubject>;

/** @internal */
export type ServiceCheck = Check<'Service', ServiceSubject>;

/** @internal */
export type DockerfileCheck = Check<'Dockerfile', DockerfileSubject>;

/**
 * One check of the catalog: its public description plus how it runs.
 *
 * @internal
 */
export type AvailabilityCheck = WorkloadCheck | ServiceCheck | DockerfileCheck;
