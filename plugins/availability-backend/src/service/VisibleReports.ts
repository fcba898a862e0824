import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  type AvailabilityConfig,
  type AvailabilityFacets,
  type AvailabilitySummary,
  type ClustersResponse,
  type EntityObjectsResponse,
  type EntityReportResponse,
  exemptionLedger,
  type ExemptionsResponse,
  type FailureDomainsResponse,
  type ReportsPage,
  type ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import type {
  AvailabilityStore,
  ReportsFilter,
  ReportsScope,
} from '../database/AvailabilityStore';
import type { CatalogEntityVisibility } from './CatalogEntityVisibility';
import { clusterFailureDomains, listClusters } from './clusterViews';
import { normalizeRefs } from './entityInfo';
import type { ReadCache } from './ReadCache';

/** Options of {@link VisibleReports}. */
export interface VisibleReportsOptions {
  /** The store, cleared from `reads` on writes. */
  store: AvailabilityStore;
  reads: ReadCache;
  visibility: CatalogEntityVisibility;
  /** Sent with the simulator's objects. */
  evaluation: AvailabilityConfig;
  /** Exemptions running longer than this many days are flagged. */
  ledgerHorizonDays: number;
  now: () => Date;
}

/** What `GET` of an entity answers before its first good refresh. */
function notRefreshed(entityRef: string): EntityReportResponse {
  return {
    entityRef: entityRef.toLocaleLowerCase('en-US'),
    report: null,
    clusters: [],
    history: [],
    refreshedAt: null,
    lastError: null,
    stale: false,
  };
}

function normalizeFilter<T extends ReportsFilter>(filter: T): T {
  return {
    ...filter,
    entityRef: normalizeRefs(filter.entityRef, 'component', 'entityRef'),
    owner: normalizeRefs(filter.owner, 'group', 'owner'),
    system: normalizeRefs(filter.system, 'system', 'system'),
  };
}

/**
 * The stored reports as each caller may see them: an entity's report only
 * when the catalog lets the caller read the entity, and the list and
 * aggregate answers over the visible reports alone, reused for a few
 * seconds per visible set.
 */
export class VisibleReports {
  readonly #store: AvailabilityStore;
  readonly #reads: ReadCache;
  readonly #visibility: CatalogEntityVisibility;
  readonly #config: AvailabilityConfig;
  readonly #ledgerHorizonDays: number;
  readonly #now: () => Date;

  constructor(options: VisibleReportsOptions) {
    this.#store = options.store;
    this.#reads = options.reads;
    this.#visibility = options.visibility;
    this.#config = options.evaluation;
    this.#ledgerHorizonDays = options.ledgerHorizonDays;
    this.#now = options.now;
  }

  /**
   * The stored report; an empty one for a catalog entity not refreshed yet.
   * An entity the catalog does not let the caller read is not found, as in
   * the catalog itself.
   */
  async getEntityReport(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityReportResponse> {
    const stored = await this.#store.getEntityReport(entityRef);
    await this.#requireReadable(entityRef, credentials, stored);
    return stored ?? notRefreshed(entityRef);
  }

  /** What the level-up simulator re-scores: the objects of the latest report, redacted. */
  async getEntityObjects(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityObjectsResponse> {
    const objects = await this.#store.getEntityObjects(entityRef);
    await this.#requireReadable(entityRef, credentials, objects);
    if (!objects) {
      throw new NotFoundError(`No objects are stored for ${entityRef}`);
    }
    return {
      entityRef: entityRef.toLocaleLowerCase('en-US'),
      objects,
      config: this.#config,
    };
  }

  /** The reports of the entities the catalog lets the caller read. */
  async listReports(
    query: ReportsQuery,
    credentials: BackstageCredentials,
  ): Promise<ReportsPage> {
    const normalized = normalizeFilter(query);
    return this.#cached('reports', credentials, normalized, scope =>
      this.#store.listReports(normalized, scope),
    );
  }

  /** Totals and rollups over the entities the catalog lets the caller read. */
  async getSummary(
    filter: ReportsFilter,
    credentials: BackstageCredentials,
  ): Promise<AvailabilitySummary> {
    const normalized = normalizeFilter(filter);
    return this.#cached('summary', credentials, normalized, scope =>
      this.#store.getSummary(normalized, { ...scope, now: this.#now() }),
    );
  }

  /** The values of each filter field among the reports the caller may read, with counts. */
  async getFacets(
    filter: ReportsFilter,
    credentials: BackstageCredentials,
  ): Promise<AvailabilityFacets> {
    const normalized = normalizeFilter(filter);
    return this.#cached('facets', credentials, normalized, scope =>
      this.#store.getFacets(normalized, scope),
    );
  }

  /** The clusters known from Node lists and reports, with node and zone counts. */
  async listClusters(
    credentials: BackstageCredentials,
  ): Promise<ClustersResponse> {
    return this.#cached('clusters', credentials, {}, async scope => {
      const [nodeLists, reports] = await Promise.all([
        this.#store.listClusterNodes(),
        this.#store.listReportClusters(scope),
      ]);
      return listClusters(nodeLists, reports);
    });
  }

  /** Blast radius and drain readiness of one cluster, from the stored reports and Node list. */
  async getFailureDomains(
    cluster: string,
    credentials: BackstageCredentials,
  ): Promise<FailureDomainsResponse> {
    return this.#cached(
      'failure-domains',
      credentials,
      { cluster },
      async scope => {
        const [nodeLists, reports] = await Promise.all([
          this.#store.listClusterNodes(),
          this.#store.listClusterReports(cluster, scope),
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
    const normalized = normalizeFilter(filter);
    return this.#cached(
      'exemptions',
      options.credentials,
      { ...normalized, horizonDays },
      async scope => {
        const reports = await this.#store.listExemptReports(normalized, scope);
        return {
          items: exemptionLedger(reports, { now: this.#now(), horizonDays }),
          horizonDays,
        };
      },
    );
  }

  /** Throws `NotFoundError` unless the catalog lets the caller read the entity. */
  async #requireReadable(
    entityRef: string,
    credentials: BackstageCredentials,
    stored: unknown,
  ) {
    const readable = await this.#visibility.canReadEntity(
      entityRef,
      credentials,
      { hasReport: stored !== undefined },
    );
    if (!readable) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
  }

  /**
   * The caller's answer, reused while it and what they may see last: the
   * one place where what a caller may see of the catalog is decided, for
   * every list and aggregate.
   */
  async #cached<T>(
    route: string,
    credentials: BackstageCredentials,
    query: object,
    compute: (scope: ReportsScope) => Promise<T>,
  ): Promise<T> {
    const visible = await this.#visibility.visibleEntities(credentials);
    const scope: ReportsScope =
      'refs' in visible ? { visibleEntityRefs: visible.refs } : {};
    const key = this.#reads.visibilityKey(scope.visibleEntityRefs);
    return this.#reads.get(`${route}|${key}|${JSON.stringify(query)}`, () =>
      compute(scope),
    );
  }
}
