import type { AvailabilityReport, CheckStatus, Level } from '../types';

/**
 * A Node of a cluster as the failure-domain analysis needs it.
 *
 * @public
 */
export interface FailureDomainNode {
  name: string;
  /** The node's zone label; absent when the node has none. */
  zone?: string;
}

/**
 * A catalog entity with its stored report, as the cluster-wide analyses read it.
 *
 * @public
 */
export interface EntityReportInput {
  entityRef: string;
  title?: string;
  owner?: string;
  report: AvailabilityReport;
}

/**
 * What one cluster holds: its Nodes (undefined when they could not be
 * listed) and the entities with workloads on it.
 *
 * @public
 */
export interface ClusterInput {
  cluster: string;
  nodes?: FailureDomainNode[];
  entities: EntityReportInput[];
}

/**
 * A workload of an entity on one cluster.
 *
 * @public
 */
export interface WorkloadRef {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
}

/**
 * What losing a node or zone does to a workload: `dark` loses every ready
 * pod, `below-minimum` keeps some but fewer than its PDB's minimum,
 * `unknown` cannot be told because some ready pods have no node or zone data.
 *
 * @public
 */
export type DomainImpact = 'dark' | 'below-minimum' | 'unknown';

/** @public */
export interface WorkloadImpact extends WorkloadRef {
  impact: DomainImpact;
  /** Ready pods in the failed domain. */
  lost: number;
  ready: number;
  /** The PDB minimum (`desiredHealthy`) it falls below, when it has one. */
  minimum?: number;
  message: string;
}

/**
 * An entity hit by a domain failure: its worst impact and the workloads behind it.
 *
 * @public
 */
export interface ServiceImpact {
  entityRef: string;
  title?: string;
  impact: DomainImpact;
  workloads: string[];
}

/**
 * One node or zone and what its failure would take down.
 *
 * @public
 */
export interface DomainRisk {
  type: 'node' | 'zone';
  name: string;
  /** For a zone, its nodes; for a node, its zone when known. */
  nodes?: string[];
  zone?: string;
  services: ServiceImpact[];
  workloads: WorkloadImpact[];
}

/**
 * The single node and zone whose failure costs a workload the most ready pods.
 *
 * @public
 */
export interface WorstDomains {
  ready: number;
  node?: { name: string; lost: number; message: string };
  zone?: { name: string; lost: number; message: string };
  /** What could not be judged, e.g. "2 of 3 ready pods have no zone". */
  missing: string[];
}

/** @public */
export interface WorkloadWorstDomains extends WorkloadRef, WorstDomains {}

/**
 * `GET /clusters/:cluster/failure-domains`: blast radius and drain readiness.
 *
 * @public
 */
export interface BlastRadius {
  cluster: string;
  nodes: DomainRisk[];
  zones: DomainRisk[];
  workloads: WorkloadWorstDomains[];
  /** Data the analysis lacked, said once each. */
  missing: string[];
}

/**
 * Why a workload stands in the way of draining a node.
 * `blocks-forever`: a PDB allows no eviction at any time;
 * `blocks-now`: a PDB allows no eviction until more pods are healthy;
 * `drops-to-zero`: every ready pod is on the node and no PDB holds them;
 * `single-replica`: its only pod is on the node;
 * `waits`: a PDB lets the drain evict a few at a time, so it waits for
 * replacements (the service stays up).
 *
 * @public
 */
export type DrainIssue =
  | 'blocks-forever'
  | 'blocks-now'
  | 'drops-to-zero'
  | 'single-replica'
  | 'waits';

/** @public */
export interface DrainFinding extends WorkloadRef {
  issue: DrainIssue;
  pdb?: string;
  pods: string[];
  message: string;
}

/** @public */
export interface NodeDrain {
  node: string;
  zone?: string;
  /** True when draining it keeps every service up and never hangs. */
  safe: boolean;
  findings: DrainFinding[];
}

/** @public */
export interface DrainReadiness {
  cluster: string;
  /** True when draining any one node keeps every service up. */
  safe: boolean;
  verdict: string;
  nodes: NodeDrain[];
}

/** @public */
export interface FailureDomainsResponse {
  blastRadius: BlastRadius;
  drainReadiness: DrainReadiness;
}

/**
 * A workload judged differently in two or more clusters.
 *
 * @public
 */
export interface WorkloadDrift {
  kind: string;
  namespace: string;
  name: string;
  clusters: Array<{
    cluster: string;
    score: number | null;
    level: Level | null;
  }>;
  /** The checks whose status differs, with the status in each cluster. */
  checks: Array<{
    id: string;
    statuses: Record<string, CheckStatus | 'absent'>;
  }>;
}
