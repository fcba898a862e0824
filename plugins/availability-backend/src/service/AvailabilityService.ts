import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  type AvailabilityConfig,
  type AvailabilityReport,
  type AvailabilityFacets,
  type AvailabilitySummary,
  checkCatalog,
  type ChecksResponse,
  type ClustersResponse,
  type EntityObjectsResponse,
  type EntityReportResponse,
  evaluate,
  type ExemptionsResponse,
  type FailureDomainsResponse,
  parseManifests,
  type RefreshRun,
  type RefreshStatusResponse,
  type ReportsPage,
  type ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import type { ReportsFilter } from '../database/AvailabilityStore';
import {
  CatalogEntityVisibility,
  DEFAULT_VISIBILITY_TTL_MS,
} from './CatalogEntityVisibility';
import { clearingOnWrites, ReadCache } from './ReadCache';
import {
  RefreshControl,
  type RefreshControlOptions,
} from './refresh/RefreshControl';
import { VisibleReports } from './VisibleReports';

/**
 * Options of {@link AvailabilityService.create}: those of the refreshes
 * (store, sources, catalog, evaluation, schedule), and of the reads.
 */
interface AvailabilityServiceOptions
  extends Omit<RefreshControlOptions, 'now'> {
  /**
   * Decides first what a user may read of the catalog (an allow or a deny
   * needs no catalog query); without it the catalog is asked every time.
   */
  permissions?: PermissionsService;
  /** How long a caller's visible entities are reused; default 10 seconds. */
  visibilityTtlMs?: number;
  /** Exemptions running longer than this many days are flagged; default 365. */
  ledgerHorizonDays?: number;
  now?: () => Date;
}

/**
 * Refreshes, stores and serves availability reports of catalog entities:
 * the one service the routes and actions call. Reads that follow catalog
 * visibility are {@link VisibleReports}, refreshes {@link RefreshControl}.
 *
 * @public
 */
export class AvailabilityService {
  readonly #reports: VisibleReports;
  readonly #refreshes: RefreshControl;
  readonly #config: AvailabilityConfig;
  readonly #now: () => Date;

  static create(options: AvailabilityServiceOptions): AvailabilityService {
    return new AvailabilityService(options);
  }

  private constructor(options: AvailabilityServiceOptions) {
    this.#config = options.evaluation;
    this.#now = options.now ?? (() => new Date());
    // Answers are reused as long as what the caller may see is.
    const reads = new ReadCache({
      ttlMs: options.visibilityTtlMs ?? DEFAULT_VISIBILITY_TTL_MS,
    });
    // The refresher and the runner write through this, clearing the answers.
    const store = clearingOnWrites(options.store, reads);
    this.#reports = new VisibleReports({
      store,
      reads,
      visibility: CatalogEntityVisibility.create({
        catalog: options.catalog,
        permissions: options.permissions,
        auth: options.auth,
        ttlMs: options.visibilityTtlMs,
      }),
      evaluation: options.evaluation,
      ledgerHorizonDays: options.ledgerHorizonDays ?? 365,
      now: this.#now,
    });
    this.#refreshes = new RefreshControl({ ...options, store, now: this.#now });
  }

  /**
   * The stored report; an empty one for a catalog entity not refreshed yet.
   * An entity the catalog does not let the caller read is not found, as in
   * the catalog itself.
   */
  getEntityReport(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityReportResponse> {
    return this.#reports.getEntityReport(entityRef, options.credentials);
  }

  /** Refreshes one entity now, as seen by the caller, and returns its report. */
  async refreshEntity(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityReportResponse> {
    const { credentials } = options;
    const refreshed = await this.#refreshes.refreshEntity(
      entityRef,
      credentials,
    );
    return this.#reports.getEntityReport(refreshed, credentials);
  }

  /**
   * Refreshes every catalog entity with Kubernetes annotations; stops early,
   * as `interrupted`, when the signal aborts (the backend is stopping).
   */
  refreshAll(options?: { signal?: AbortSignal }): Promise<RefreshRun> {
    return this.#refreshes.refreshAll(options);
  }

  /** The running full refresh, else the last one, as recorded in the database. */
  getRefreshStatus(): Promise<RefreshStatusResponse> {
    return this.#refreshes.getRefreshStatus();
  }

  /** Starts a full refresh now; a conflict while one runs on any instance. */
  startRefresh(): Promise<void> {
    return this.#refreshes.startRefresh();
  }

  /** The reports of the entities the catalog lets the caller read. */
  listReports(
    query: ReportsQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<ReportsPage> {
    return this.#reports.listReports(query, options.credentials);
  }

  /** Totals and rollups over the entities the catalog lets the caller read. */
  getSummary(
    filter: ReportsFilter,
    options: { credentials: BackstageCredentials },
  ): Promise<AvailabilitySummary> {
    return this.#reports.getSummary(filter, options.credentials);
  }

  /** The values of each filter field among the reports the caller may read, with counts. */
  getFacets(
    filter: ReportsFilter,
    options: { credentials: BackstageCredentials },
  ): Promise<AvailabilityFacets> {
    return this.#reports.getFacets(filter, options.credentials);
  }

  /** Evaluates manifests given as YAML or JSON text. */
  evaluateManifests(text: string, source: string): AvailabilityReport {
    const parsed = parseManifests(text, source);
    const report = evaluate(parsed.objects, {
      config: this.#config,
      now: this.#now(),
    });
    return { ...report, errors: [...parsed.errors, ...report.errors] };
  }

  /** The clusters known from Node lists and reports, with node and zone counts. */
  listClusters(options: {
    credentials: BackstageCredentials;
  }): Promise<ClustersResponse> {
    return this.#reports.listClusters(options.credentials);
  }

  /** Blast radius and drain readiness of one cluster, from the stored reports and Node list. */
  getFailureDomains(
    cluster: string,
    options: { credentials: BackstageCredentials },
  ): Promise<FailureDomainsResponse> {
    return this.#reports.getFailureDomains(cluster, options.credentials);
  }

  /** Every active exemption of the entities that match the filter. */
  listExemptions(
    filter: ReportsFilter,
    options: { horizonDays?: number; credentials: BackstageCredentials },
  ): Promise<ExemptionsResponse> {
    return this.#reports.listExemptions(filter, options);
  }

  /** What the level-up simulator re-scores: the objects of the latest report, redacted. */
  getEntityObjects(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityObjectsResponse> {
    return this.#reports.getEntityObjects(entityRef, options.credentials);
  }

  /** The check catalog with this backend's severity overrides and disabled checks. */
  getChecks(): ChecksResponse {
    return {
      items: checkCatalog.map(check => {
        const override = this.#config.checks?.[check.id];
        return {
          ...check,
          severity: override?.severity ?? check.severity,
          enabled: override?.enabled !== false,
        };
      }),
    };
  }
}
