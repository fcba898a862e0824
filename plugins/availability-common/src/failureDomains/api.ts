import type { AvailabilityConfig, EvaluationObject } from '../types';
import type { ExemptionLedgerEntry } from './exemptionLedger';

/**
 * One row of `GET /clusters`.
 *
 * @public
 */
export interface ClusterSummary {
  cluster: string;
  /** Null when no Node list of the cluster has been read. */
  nodes: number | null;
  zones: number | null;
  /** Entities with workloads on the cluster. */
  entities: number;
  /** ISO time of the last Node list, else of the latest report with the cluster. */
  refreshedAt: string | null;
}

/**
 * `GET /clusters`
 *
 * @public
 */
export interface ClustersResponse {
  items: ClusterSummary[];
}

/**
 * `GET /exemptions`
 *
 * @public
 */
export interface ExemptionsResponse {
  items: ExemptionLedgerEntry[];
  /** Waivers running longer than this many days (or forever) are flagged. */
  horizonDays: number;
}

/**
 * `GET /entities/:kind/:namespace/:name/objects`: what the level-up
 * simulator re-scores. Literal env values are redacted.
 *
 * @public
 */
export interface EntityObjectsResponse {
  entityRef: string;
  objects: EvaluationObject[];
  /** The backend's check overrides, thresholds and exemptions. */
  config: AvailabilityConfig;
}
