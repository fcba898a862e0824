import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * The outcome of one check on one workload or Service.
 *
 * @public
 */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'exempt'
  | 'not-applicable'
  | 'unknown';

/** @public */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** @public */
export type Level = 'gold' | 'silver' | 'bronze' | 'none';

/**
 * Where a check applies: on any live or manifest object, only on live
 * objects (runtime), or on Dockerfiles.
 *
 * @public
 */
export type CheckCategory = 'static' | 'runtime' | 'dockerfile';

/**
 * One entry of the check catalog, as served by `GET /checks` and shown in the UI.
 *
 * @public
 */
export interface CheckInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  category: CheckCategory;
}

/** @public */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  severity: Severity;
  message: string;
  /** How to fix a failure, with a YAML snippet where one fits; null otherwise. */
  remediation: string | null;
  /** The exemption's reason when `status` is `exempt`; null otherwise. */
  reason: string | null;
  /** The exemption's expiry (ISO date) when it has one. */
  until?: string | null;
  /**
   * Where the exemption of an `exempt` check lives: the object's own
   * annotations, the catalog entity's, or `availability.exemptions` config.
   */
  exemptedBy?: ExemptionOrigin;
}

/**
 * Where an exemption is declared.
 *
 * @public
 */
export type ExemptionOrigin = 'object' | 'entity' | 'config';

/**
 * Where an object was read from (CLI, scaffolder); used for SARIF locations.
 *
 * @public
 */
export interface SourceLocation {
  path: string;
  /** 1-based line of the document's start. */
  line?: number;
}

/** @public */
export interface WorkloadReport {
  kind: string;
  namespace: string;
  name: string;
  /** Absent for manifests. */
  cluster?: string;
  /** Null when no check of the entry counts: nothing was judged. */
  score: number | null;
  level: Level | null;
  checks: CheckResult[];
  source?: SourceLocation;
  /** What was observed on a live cluster; absent for manifests. */
  evidence?: WorkloadEvidence;
}

/**
 * One pod of a workload as seen on a live cluster.
 *
 * @public
 */
export interface PodEvidence {
  name: string;
  /** The node the pod is scheduled on; absent while it is pending. */
  node?: string;
  /**
   * The node's `topology.kubernetes.io/zone` label (or the deprecated
   * `failure-domain.beta.kubernetes.io/zone`), when its Node is in the input.
   */
  zone?: string;
  ready: boolean;
  /** Total container restarts of the pod. */
  restarts: number;
}

/**
 * Runtime evidence behind a workload's runtime checks, so that a UI can show
 * where the pods run without parsing check messages.
 *
 * @public
 */
export interface WorkloadEvidence {
  replicas?: {
    /**
     * Desired replicas as the cluster reports them and `runtime-ready` reads
     * them: `spec.replicas` (which an HPA moves within its bounds), a
     * DaemonSet's `status.desiredNumberScheduled`, 1 for a bare Pod.
     */
    desired?: number;
    /** `status.readyReplicas` (`numberReady` for DaemonSets). */
    ready?: number;
  };
  pods?: PodEvidence[];
  /** The PodDisruptionBudgets that select the workload, as the cluster reports them. */
  pdbs?: PdbEvidence[];
}

/**
 * A PodDisruptionBudget of a live workload: what it asks for and what its
 * status allows now.
 *
 * @public
 */
export interface PdbEvidence {
  name: string;
  /** E.g. `minAvailable 100%` or `maxUnavailable 1`. */
  budget: string;
  /** True when the spec allows no eviction at any replica count reached by the workload's effective replicas. */
  blocksEveryEviction: boolean;
  /** `status.disruptionsAllowed`; absent when the status does not say. */
  disruptionsAllowed?: number;
  /** `status.desiredHealthy`: the fewest healthy pods the budget keeps. */
  desiredHealthy?: number;
  /** `status.currentHealthy`. */
  currentHealthy?: number;
}

/** @public */
export interface ReportError {
  source: string;
  message: string;
  line?: number;
}

/**
 * A document that looks like a workload, autoscaler or PodDisruptionBudget
 * but is not evaluated (a removed apiVersion), with why.
 *
 * @public
 */
export interface ReportWarning {
  source: string;
  message: string;
  /** 1-based line where the document (or List item) starts. */
  line?: number;
}

/**
 * The report of one evaluation (one CLI run, one API call, one entity).
 *
 * @public
 */
export interface AvailabilityReport {
  /**
   * Null when no check counts (or there are no entries at all): nothing was
   * judged, so the report is neither 100 nor `gold`.
   */
  score: number | null;
  level: Level | null;
  workloads: WorkloadReport[];
  errors: ReportError[];
  /** Documents that were not evaluated, and why (always set by `evaluate`). */
  warnings?: ReportWarning[];
}

/**
 * An object given to the engine, with where it came from.
 *
 * @public
 */
export interface EvaluationObject {
  object: KubernetesObject;
  /** The cluster a live object was read from; absent for manifests. */
  cluster?: string;
  source?: SourceLocation;
}

/** @public */
export interface DockerfileInput {
  path: string;
  content: string;
  /** Whether a `.dockerignore` sits beside the Dockerfile. */
  hasDockerignore: boolean;
}

/** @public */
export interface CheckOverride {
  enabled?: boolean;
  severity?: Severity;
}

/**
 * A platform-wide waiver from config (`availability.exemptions`).
 * Absent `namespaces`, `names` or `checks` match everything.
 *
 * @public
 */
export interface ConfigExemption {
  namespaces?: string[];
  /** Globs on the object's name. */
  names?: string[];
  checks?: string[];
  reason: string;
  /** ISO date, inclusive. */
  until?: string;
}

/**
 * The `availability:` block of app-config, also read by the CLI's `--config`.
 *
 * @public
 */
export interface AvailabilityConfig {
  checks?: Record<string, CheckOverride>;
  thresholds?: {
    minReplicas?: number;
    maxRestarts?: number;
  };
  exemptions?: ConfigExemption[];
}

/** @public */
export interface EvaluateOptions {
  config?: AvailabilityConfig;
  /** The catalog entity's `metadata.annotations`; exemptions there cover all its workloads. */
  entityAnnotations?: Record<string, string>;
  dockerfiles?: DockerfileInput[];
  /** Today, for exemption expiry; defaults to the current time. */
  now?: Date;
}
