import type { AvailabilityReport, CheckInfo, Level } from './types';

/**
 * How one cluster answered the last refresh of an entity.
 *
 * @public
 */
export interface ClusterStatus {
  cluster: string;
  status: 'ok' | 'error';
  /** What went wrong, e.g. "403 Forbidden" or "timed out after 10s". */
  message?: string;
  /** ISO timestamp of the last refresh this cluster answered; absent when it never did. */
  lastSuccessAt?: string;
  /**
   * True when the cluster failed and the report shows its workloads as they
   * were at `lastSuccessAt`.
   */
  stale?: boolean;
}

/**
 * How one cluster answered during a full refresh.
 *
 * @public
 */
export interface RefreshRunCluster {
  cluster: string;
  status: 'ok' | 'error';
  message?: string;
  /** Kubernetes API requests sent to it. */
  requests: number;
}

/**
 * One full refresh, as `GET /refresh` returns it.
 *
 * @public
 */
export interface RefreshRun {
  /**
   * `interrupted`: the backend running it stopped (or lost its database)
   * before it finished; the next pass completes it.
   */
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  /** ISO timestamps. */
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  entities: { total: number; ok: number; failed: number; removed: number };
  clusters: RefreshRunCluster[];
  errors: string[];
}

/**
 * `GET /refresh`: the running refresh, else the last one.
 *
 * @public
 */
export interface RefreshStatusResponse {
  run: RefreshRun | null;
}

/**
 * One point of an entity's history, kept per refresh for trends.
 *
 * @public
 */
export interface HistoryPoint {
  /** ISO timestamp. */
  refreshedAt: string;
  score: number;
  level: Level;
  failingChecks: string[];
}

/**
 * `GET /entities/:kind/:namespace/:name`
 *
 * @public
 */
export interface EntityReportResponse {
  entityRef: string;
  /** The last good report; null when no refresh has succeeded yet. */
  report: AvailabilityReport | null;
  clusters: ClusterStatus[];
  /** ISO timestamp of the last good report. */
  refreshedAt: string | null;
  /** True when the last refresh failed and `report` is older than it. */
  stale: boolean;
  lastError: { message: string; at: string } | null;
  history: HistoryPoint[];
}

/**
 * One row of `GET /reports`.
 *
 * @public
 */
export interface EntityReportSummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  score: number;
  level: Level;
  failingChecks: string[];
  refreshedAt: string;
  stale: boolean;
}

/**
 * `GET /reports`
 *
 * @public
 */
export interface ReportsPage {
  items: EntityReportSummary[];
  totalItems: number;
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Query of `GET /reports`.
 *
 * @public
 */
export interface ReportsQuery {
  /**
   * Only these entities (refs, kind and namespace optional as in
   * `component:default/name`): one request for a page of a catalog table.
   */
  entityRef?: string[];
  owner?: string[];
  system?: string[];
  kind?: string[];
  lifecycle?: string[];
  level?: Level[];
  failingCheck?: string[];
  text?: string;
  /** `level` sorts by level, then score (worst first when ascending). */
  orderBy?: 'level' | 'score' | 'name';
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

/**
 * `GET /summary`
 *
 * @public
 */
export interface AvailabilitySummary {
  /** Entities with a score; the averages and level counts are over these. */
  totalEntities: number;
  averageScore: number;
  /**
   * Entities refreshed without a score, counted on their own: none of their
   * annotations matched an object in any reachable cluster (`noWorkloads`),
   * or they have objects on which no check passed or failed (`notJudged`).
   */
  unscored: { noWorkloads: number; notJudged: number };
  byLevel: Record<Level, number>;
  byOwner: Array<{
    owner: string;
    entities: number;
    averageScore: number;
    byLevel: Record<Level, number>;
    /**
     * The owner's average score as it stood about a week ago, over its
     * entities with an earlier point (each one's last point on or before a
     * week ago, else its oldest, never today's), and the oldest day among
     * them; null when none has an earlier point.
     */
    previous: { averageScore: number; since: string } | null;
  }>;
  /**
   * Entities failing each check, and how many of them fixing that check
   * alone lifts a level (`movesUp`).
   */
  byCheck: Array<{ id: string; failing: number; movesUp: number }>;
  /** Level distribution per day, oldest first. */
  trend: Array<{
    date: string;
    averageScore: number;
    byLevel: Record<Level, number>;
  }>;
}

/**
 * How many reports carry one value of a filter field.
 *
 * @public
 */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * `GET /facets`: the values of each filter field among the reports that
 * match the other filters, most frequent first, so that pickers offer only
 * values that find something and say how much.
 *
 * @public
 */
export interface AvailabilityFacets {
  owner: FacetCount[];
  system: FacetCount[];
  kind: FacetCount[];
  lifecycle: FacetCount[];
  failingCheck: FacetCount[];
}

/**
 * `GET /checks`
 *
 * @public
 */
export interface ChecksResponse {
  items: ConfiguredCheck[];
}

/**
 * A check as a backend runs it: its severity after the configured override,
 * and whether it is enabled.
 *
 * @public
 */
export interface ConfiguredCheck extends CheckInfo {
  enabled: boolean;
}
