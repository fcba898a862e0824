import type {
  AvailabilityFacets,
  AvailabilityReport,
  FailureDomainNode,
  EvaluationObject,
  AvailabilitySummary,
  ClusterStatus,
  EntityReportResponse,
  EntityReportSummary,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';

/**
 * What the store keeps about a catalog entity besides its report, as a row of
 * `GET /reports` shows it; denormalised so that the org-wide list filters in
 * SQL. The store lower-cases the entity ref.
 *
 * @public
 */
export type StoredEntityInfo = Pick<
  EntityReportSummary,
  | 'entityRef'
  | 'kind'
  | 'namespace'
  | 'name'
  | 'title'
  | 'owner'
  | 'system'
  | 'lifecycle'
>;

/**
 * The outcome of a successful refresh.
 *
 * @public
 */
export interface SaveReportOptions {
  entity: StoredEntityInfo;
  report: AvailabilityReport;
  clusters: ClusterStatus[];
  refreshedAt: Date;
  /** The objects the report was evaluated from, kept for the level-up simulator. */
  objects?: EvaluationObject[];
}

/**
 * A latest report with what the cluster-wide answers show of its entity.
 *
 * @public
 */
export interface StoredReport {
  entityRef: string;
  title?: string;
  owner?: string;
  report: AvailabilityReport;
  refreshedAt: string;
}

/**
 * The clusters a latest report's workloads came from, without the report.
 *
 * @public
 */
export interface StoredReportClusters {
  entityRef: string;
  clusters: string[];
  refreshedAt: string;
}

/**
 * A cluster's Node list from the last refresh that could read it.
 *
 * @public
 */
export interface StoredClusterNodes {
  cluster: string;
  nodes: FailureDomainNode[];
  refreshedAt: string;
}

/**
 * The outcome of a failed refresh: the last good report stays and is marked
 * stale.
 *
 * @public
 */
export interface SaveFailureOptions {
  entity: StoredEntityInfo;
  clusters: ClusterStatus[];
  message: string;
  failedAt: Date;
}

/**
 * Filters shared by the report list and the summary.
 *
 * @public
 */
export type ReportsFilter = Pick<
  ReportsQuery,
  | 'entityRef'
  | 'owner'
  | 'system'
  | 'kind'
  | 'lifecycle'
  | 'level'
  | 'failingCheck'
  | 'text'
>;

/**
 * Which entities a read may see: without `visibleEntityRefs`, all of them.
 *
 * @public
 */
export interface ReportsScope {
  /** Lower-cased refs of the entities the caller may read. */
  visibleEntityRefs?: ReadonlySet<string>;
}

/**
 * Storage of availability reports.
 *
 * @public
 */
export interface AvailabilityStore {
  /** Replaces the entity's latest report and appends a history point, in one transaction. */
  saveReport(options: SaveReportOptions): Promise<void>;
  /** Records a failed refresh; keeps (and marks stale) the last good report. */
  saveFailure(options: SaveFailureOptions): Promise<void>;
  /** The entity's report with its history; undefined when nothing is stored. */
  getEntityReport(
    entityRef: string,
    options?: { historyLimit?: number },
  ): Promise<EntityReportResponse | undefined>;
  /** Pages through the latest reports; entities without a good report are left out. */
  listReports(query: ReportsQuery, scope?: ReportsScope): Promise<ReportsPage>;
  /** Aggregates over the latest reports, computed by the database. */
  getSummary(
    filter: ReportsFilter,
    options?: ReportsScope & { trendDays?: number; now?: Date },
  ): Promise<AvailabilitySummary>;
  /** Every latest report that matches the filter (entities without a good report are left out). */
  listLatestReports(
    filter: ReportsFilter,
    scope?: ReportsScope,
  ): Promise<StoredReport[]>;
  /** The workload clusters of every latest report the scope leaves. */
  listReportClusters(scope?: ReportsScope): Promise<StoredReportClusters[]>;
  /**
   * Every latest report the scope leaves with workloads on the cluster,
   * trimmed to what the failure-domain analyses read: each entry from a
   * cluster with its name and evidence, without checks or scores.
   */
  listClusterReports(
    cluster: string,
    scope?: ReportsScope,
  ): Promise<StoredReport[]>;
  /**
   * Every latest report that matches the filter and has an exempt check,
   * trimmed to what the exemption ledger reads: its score and level, and of
   * each workload its name and counted and exempt checks, without messages.
   */
  listExemptReports(
    filter: ReportsFilter,
    scope?: ReportsScope,
  ): Promise<StoredReport[]>;
  /** The objects behind the entity's latest report; undefined when none are kept. */
  getEntityObjects(entityRef: string): Promise<EvaluationObject[] | undefined>;
  /** Replaces the cluster's Node list. */
  saveClusterNodes(options: {
    cluster: string;
    nodes: FailureDomainNode[];
    refreshedAt: Date;
  }): Promise<void>;
  /** The Node list of every cluster that has one. */
  listClusterNodes(): Promise<StoredClusterNodes[]>;
  /** The values of each filter field and their counts, each under the other filters. */
  getFacets(
    filter: ReportsFilter,
    scope?: ReportsScope,
  ): Promise<AvailabilityFacets>;
  /** Every stored entity ref (lower-cased). */
  listEntityRefs(): Promise<string[]>;
  /** Removes everything stored about these entities. */
  deleteEntities(entityRefs: string[]): Promise<void>;
}
