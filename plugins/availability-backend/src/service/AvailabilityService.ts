import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AvailabilityConfig,
  AvailabilityReport,
  AvailabilityFacets,
  AvailabilitySummary,
  checkCatalog,
  ChecksResponse,
  ClustersResponse,
  EntityObjectsResponse,
  EntityReportResponse,
  evaluate,
  exemptionLedger,
  ExemptionsResponse,
  FailureDomainsResponse,
  parseManifests,
  RefreshRun,
  RefreshStatusResponse,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import {
  AvailabilityStore,
  ReportsFilter,
  ReportsScope,
  StoredReport,
} from '../database/AvailabilityStore';
import { RefreshRunStore } from '../database/RefreshRunStore';
import { ClusterNodesCache } from './ClusterNodesCache';
import { ClusterNodesSource } from './ClusterNodesSource';
import { normalizeRefs } from './entityInfo';
import {
  hasKubernetesAnnotation,
  KUBERNETES_ANNOTATIONS,
  KubeRequestListener,
  KubernetesObjectsSource,
} from './KubernetesObjectsSource';
import {
  CatalogEntityVisibility,
  DEFAULT_VISIBILITY_TTL_MS,
} from './CatalogEntityVisibility';
import { clusterFailureDomains, listClusters } from './clusterViews';
import { clearingOnWrites, ReadCache } from './ReadCache';
import { LevelChangeNotifier } from './notifyLevelChanges';
import { EntityRefresher } from './refresh/EntityRefresher';
import { RefreshMetrics } from './refresh/refreshMetrics';
import { RefreshRunner } from './refresh/RefreshRunner';

const DEFAULT_NODE_CACHE_TTL_MS = 5 * 60_000;

/** Options of {@link AvailabilityService.create}. */
interface AvailabilityServiceOptions {
  logger: LoggerService;
  store: AvailabilityStore;
  /** Where full refreshes are recorded; without it `GET /refresh` knows none. */
  runs?: RefreshRunStore;
  source: KubernetesObjectsSource;
  /** Where Nodes (zones) come from; without it zone checks are unknown. */
  nodes?: ClusterNodesSource;
  /** How long on-demand refreshes reuse a cluster's Node list; default 5 minutes, 0 never. */
  nodeCacheTtlMs?: number;
  catalog: CatalogService;
  /** How long a caller's visible entities are reused; default 10 seconds. */
  visibilityTtlMs?: number;
  auth: AuthService;
  /** Check overrides, thresholds and exemptions. */
  evaluation: AvailabilityConfig;
  /** How many entities refresh at once. */
  concurrency: number;
  /** Starts the scheduled refresh now (on whichever backend instance picks it up). */
  triggerRefresh?: () => Promise<void>;
  metrics?: RefreshMetrics;
  /** Told the report before and after each successful refresh. */
  levelChanges?: LevelChangeNotifier;
  /** Exemptions running longer than this many days are flagged; default 365. */
  ledgerHorizonDays?: number;
  now?: () => Date;
}

/**
 * Refreshes, stores and serves availability reports of catalog entities.
 *
 * @public
 */
export class AvailabilityService {
  readonly #store: AvailabilityStore;
  readonly #runs?: RefreshRunStore;
  readonly #source: KubernetesObjectsSource;
  /** Node lists shared by on-demand refreshes, for a short while. */
  readonly #onDemandNodes?: ClusterNodesCache;
  readonly #catalog: CatalogService;
  readonly #visibility: CatalogEntityVisibility;
  readonly #reads: ReadCache;
  readonly #config: AvailabilityConfig;
  readonly #refresher: EntityRefresher;
  readonly #ledgerHorizonDays: number;
  readonly #runner: RefreshRunner;
  readonly #triggerRefresh?: () => Promise<void>;
  readonly #onKubeRequests?: KubeRequestListener;
  readonly #now: () => Date;

  static create(options: AvailabilityServiceOptions): AvailabilityService {
    return new AvailabilityService(options);
  }

  private constructor(options: AvailabilityServiceOptions) {
    // Answers are reused as long as what the caller may see is.
    this.#reads = new ReadCache({
      ttlMs: options.visibilityTtlMs ?? DEFAULT_VISIBILITY_TTL_MS,
    });
    const store = clearingOnWrites(options.store, this.#reads);
    this.#store = store;
    this.#runs = options.runs;
    this.#source = options.source;
    this.#onDemandNodes =
      options.nodes &&
      ClusterNodesCache.create({
        source: options.nodes,
        logger: options.logger,
        ttlMs: options.nodeCacheTtlMs ?? DEFAULT_NODE_CACHE_TTL_MS,
      });
    this.#catalog = options.catalog;
    this.#visibility = CatalogEntityVisibility.create({
      catalog: options.catalog,
      ttlMs: options.visibilityTtlMs,
    });
    this.#config = options.evaluation;
    this.#triggerRefresh = options.triggerRefresh;
    this.#ledgerHorizonDays = options.ledgerHorizonDays ?? 365;
    this.#now = options.now ?? (() => new Date());
    const metrics = options.metrics;
    this.#onKubeRequests = metrics && metrics.kubeRequests;
    this.#refresher = new EntityRefresher({
      logger: options.logger,
      store,
      evaluation: options.evaluation,
      levelChanges: options.levelChanges,
      now: this.#now,
    });
    this.#runner = new RefreshRunner({
      logger: options.logger,
      store,
      runs: options.runs,
      source: options.source,
      nodes: options.nodes,
      catalog: options.catalog,
      auth: options.auth,
      refresher: this.#refresher,
      concurrency: options.concurrency,
      metrics,
      now: this.#now,
    });
  }

  /**
   * The stored report; an empty one for a catalog entity not refreshed yet.
   * An entity the catalog does not let the caller read is not found, as in
   * the catalog itself.
   */
  async getEntityReport(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityReportResponse> {
    if (
      !(await this.#visibility.canReadEntity(entityRef, options.credentials))
    ) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const stored = await this.#store.getEntityReport(entityRef);
    if (stored) {
      return stored;
    }
    return {
      entityRef: entityRef.toLocaleLowerCase('en-US'),
      report: null,
      clusters: [],
      refreshedAt: null,
      stale: false,
      lastError: null,
      history: [],
    };
  }

  /** Refreshes one entity now, as seen by the caller, and returns its report. */
  async refreshEntity(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityReportResponse> {
    const entity = await this.#catalog.getEntityByRef(entityRef, options);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    if (!hasKubernetesAnnotation(entity)) {
      throw new InputError(
        `Entity ${entityRef} has none of the annotations ${KUBERNETES_ANNOTATIONS.join(
          ', ',
        )}, so it has no Kubernetes objects to check`,
      );
    }
    await this.#refresher.refresh(entity, {
      source: this.#source,
      nodes: this.#onDemandNodes,
      onKubeRequests: this.#onKubeRequests,
    });
    return this.getEntityReport(stringifyEntityRef(entity), options);
  }

  /**
   * Refreshes every catalog entity with Kubernetes annotations; stops early,
   * as `interrupted`, when the signal aborts (the backend is stopping).
   */
  async refreshAll(options?: { signal?: AbortSignal }): Promise<RefreshRun> {
    return this.#runner.run(options);
  }

  /** The running full refresh, else the last one, as recorded in the database. */
  async getRefreshStatus(): Promise<RefreshStatusResponse> {
    return { run: (await this.#runs?.latest(this.#now())) ?? null };
  }

  /** Starts a full refresh now; a conflict while one runs on any instance. */
  async startRefresh(): Promise<void> {
    if (!this.#triggerRefresh) {
      throw new NotFoundError('Full refreshes are not scheduled here');
    }
    const latest = await this.#runs?.latest(this.#now());
    if (latest?.status === 'running') {
      throw new ConflictError(`A refresh is running since ${latest.startedAt}`);
    }
    await this.#triggerRefresh();
  }

  /** The reports of the entities the catalog lets the caller read. */
  async listReports(
    query: ReportsQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<ReportsPage> {
    const normalized = this.#normalizeFilter(query);
    return this.#cached('reports', options.credentials, normalized, scope =>
      this.#store.listReports(normalized, scope),
    );
  }

  /** Totals and rollups over the entities the catalog lets the caller read. */
  async getSummary(
    filter: ReportsFilter,
    options: { credentials: BackstageCredentials },
  ): Promise<AvailabilitySummary> {
    const normalized = this.#normalizeFilter(filter);
    return this.#cached('summary', options.credentials, normalized, scope =>
      this.#store.getSummary(normalized, { ...scope, now: this.#now() }),
    );
  }

  /** The values of each filter field among the reports the caller may read, with counts. */
  async getFacets(
    filter: ReportsFilter,
    options: { credentials: BackstageCredentials },
  ): Promise<AvailabilityFacets> {
    const normalized = this.#normalizeFilter(filter);
    return this.#cached('facets', options.credentials, normalized, scope =>
      this.#store.getFacets(normalized, scope),
    );
  }

  /** The caller's answer, reused while it and what they may see last. */
  async #cached<T>(
    route: string,
    credentials: BackstageCredentials,
    query: object,
    compute: (scope: ReportsScope) => Promise<T>,
  ): Promise<T> {
    const scope = await this.#visibleTo(credentials);
    const visible = this.#reads.visibilityKey(scope.visibleEntityRefs);
    return this.#reads.get(`${route}|${visible}|${JSON.stringify(query)}`, () =>
      compute(scope),
    );
  }

  async #visibleTo(credentials: BackstageCredentials) {
    return {
      visibleEntityRefs: await this.#visibility.visibleEntityRefs(credentials),
    };
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
  async listClusters(options: {
    credentials: BackstageCredentials;
  }): Promise<ClustersResponse> {
    return this.#cached('clusters', options.credentials, {}, async () => {
      const [nodeLists, reports] = await Promise.all([
        this.#store.listClusterNodes(),
        this.#readableReports({}, options.credentials),
      ]);
      return listClusters(nodeLists, reports);
    });
  }

  /** Blast radius and drain readiness of one cluster, from the stored reports and Node list. */
  async getFailureDomains(
    cluster: string,
    options: { credentials: BackstageCredentials },
  ): Promise<FailureDomainsResponse> {
    return this.#cached(
      'failure-domains',
      options.credentials,
      { cluster },
      async () => {
        const [nodeLists, reports] = await Promise.all([
          this.#store.listClusterNodes(),
          this.#readableReports({}, options.credentials),
        ]);
        return clusterFailureDomains(cluster, nodeLists, reports);
      },
    );
  }

  /** Every active exemption of the entities that match the filter. */
  async listExemptions(
    filter: ReportsFilter,
    options: { horizonDays?: number; credentials: BackstageCredentials },
  ): Promise<ExemptionsResponse> {
    const horizonDays = options.horizonDays ?? this.#ledgerHorizonDays;
    const normalized = this.#normalizeFilter(filter);
    return this.#cached(
      'exemptions',
      options.credentials,
      { ...normalized, horizonDays },
      async () => {
        const reports = await this.#readableReports(
          normalized,
          options.credentials,
        );
        return {
          items: exemptionLedger(reports, { now: this.#now(), horizonDays }),
          horizonDays,
        };
      },
    );
  }

  /** What the level-up simulator re-scores: the objects of the latest report, redacted. */
  async getEntityObjects(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityObjectsResponse> {
    if (
      !(await this.#visibility.canReadEntity(entityRef, options.credentials))
    ) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const objects = await this.#store.getEntityObjects(entityRef);
    if (!objects) {
      throw new NotFoundError(`No objects are stored for ${entityRef}`);
    }
    return {
      entityRef: entityRef.toLocaleLowerCase('en-US'),
      objects,
      config: this.#config,
    };
  }

  /**
   * The latest reports behind every cluster-wide answer (clusters, failure
   * domains, exemptions): the one place where what a caller may see of the
   * catalog is decided.
   */
  async #readableReports(
    filter: ReportsFilter,
    credentials: BackstageCredentials,
  ): Promise<StoredReport[]> {
    return this.#store.listLatestReports(
      filter,
      await this.#visibleTo(credentials),
    );
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

  #normalizeFilter<T extends ReportsFilter>(filter: T): T {
    return {
      ...filter,
      entityRef: normalizeRefs(filter.entityRef, 'component', 'entityRef'),
      owner: normalizeRefs(filter.owner, 'group', 'owner'),
      system: normalizeRefs(filter.system, 'system', 'system'),
    };
  }
}
