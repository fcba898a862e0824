import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AvailabilityConfig,
  AvailabilityReport,
  AvailabilitySummary,
  checkCatalog,
  ChecksResponse,
  ClusterStatus,
  EntityReportResponse,
  evaluate,
  parseManifests,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import {
  AvailabilityStore,
  ReportsFilter,
  StoredEntityInfo,
} from '../database/AvailabilityStore';
import {
  hasKubernetesAnnotation,
  KUBERNETES_ANNOTATIONS,
  KubernetesObjectsSource,
} from './KubernetesObjectsSource';
import { createLimiter } from './limiter';

/**
 * What one refresh of every entity did.
 *
 * @public
 */
export interface RefreshSummary {
  entities: number;
  ok: number;
  failed: number;
  /** Reports removed because their entity left the catalog. */
  removed: number;
  /** Requests made to the kubernetes backend. */
  requests: number;
  /** Kubernetes API requests made on our behalf, over all clusters. */
  kubeRequests: number;
  kubeRequestsByCluster: Record<string, number>;
  durationMs: number;
}

type EntityRefreshOutcome = {
  ok: boolean;
  requests: number;
  kubeRequestsByCluster: Record<string, number>;
};

const CATALOG_PAGE_SIZE = 200;

function entityInfo(entity: Entity): StoredEntityInfo {
  const namespace = entity.metadata.namespace ?? 'default';
  const relationTarget = (type: string, kind: string) =>
    entity.relations?.find(
      r =>
        r.type === type && parseEntityRef(r.targetRef).kind.toLowerCase() === kind,
    )?.targetRef;
  const specRef = (value: unknown, defaultKind: string) => {
    if (typeof value !== 'string' || !value) return undefined;
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
      );
    } catch {
      return undefined;
    }
  };
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner:
      relationTarget(RELATION_OWNED_BY, 'group') ??
      relationTarget(RELATION_OWNED_BY, 'user') ??
      specRef(spec.owner, 'group'),
    system:
      relationTarget(RELATION_PART_OF, 'system') ?? specRef(spec.system, 'system'),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
  };
}

function normalizeRefs(
  values: string[] | undefined,
  defaultKind: string,
  field: string,
): string[] | undefined {
  return values?.map(value => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      );
    } catch (error) {
      throw new InputError(`Invalid ${field} "${value}": ${error}`);
    }
  });
}

/**
 * Refreshes, stores and serves availability reports of catalog entities.
 *
 * @public
 */
export class AvailabilityService {
  readonly #logger: LoggerService;
  readonly #store: AvailabilityStore;
  readonly #source: KubernetesObjectsSource;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #config: AvailabilityConfig;
  readonly #concurrency: number;
  readonly #now: () => Date;

  static create(options: {
    logger: LoggerService;
    store: AvailabilityStore;
    source: KubernetesObjectsSource;
    catalog: CatalogService;
    auth: AuthService;
    /** Check overrides, thresholds and exemptions. */
    evaluation: AvailabilityConfig;
    /** How many entities refresh at once. */
    concurrency: number;
    now?: () => Date;
  }): AvailabilityService {
    return new AvailabilityService(options);
  }

  private constructor(options: {
    logger: LoggerService;
    store: AvailabilityStore;
    source: KubernetesObjectsSource;
    catalog: CatalogService;
    auth: AuthService;
    evaluation: AvailabilityConfig;
    concurrency: number;
    now?: () => Date;
  }) {
    this.#logger = options.logger;
    this.#store = options.store;
    this.#source = options.source;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#config = options.evaluation;
    this.#concurrency = options.concurrency;
    this.#now = options.now ?? (() => new Date());
  }

  /** The stored report; an empty one for a catalog entity not refreshed yet. */
  async getEntityReport(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityReportResponse> {
    const stored = await this.#store.getEntityReport(entityRef);
    if (stored) {
      return stored;
    }
    const entity = await this.#catalog.getEntityByRef(entityRef, options);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return {
      entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
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
    await this.#refresh(entity);
    return this.getEntityReport(stringifyEntityRef(entity), options);
  }

  /** Refreshes every catalog entity with Kubernetes annotations. */
  async refreshAll(): Promise<RefreshSummary> {
    const started = Date.now();
    const credentials = await this.#auth.getOwnServiceCredentials();
    const limit = createLimiter(this.#concurrency);
    const seen = new Set<string>();
    const summary: RefreshSummary = {
      entities: 0,
      ok: 0,
      failed: 0,
      removed: 0,
      requests: 0,
      kubeRequests: 0,
      kubeRequestsByCluster: {},
      durationMs: 0,
    };

    let cursor: string | undefined;
    do {
      const page = await this.#catalog.queryEntities(
        cursor
          ? { cursor, limit: CATALOG_PAGE_SIZE }
          : {
              filter: KUBERNETES_ANNOTATIONS.map(annotation => ({
                [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
              })),
              limit: CATALOG_PAGE_SIZE,
            },
        { credentials },
      );
      const entities = page.items.filter(hasKubernetesAnnotation);
      const outcomes = await Promise.all(
        entities.map(entity => limit(() => this.#refresh(entity))),
      );
      for (const [i, outcome] of outcomes.entries()) {
        seen.add(stringifyEntityRef(entities[i]).toLocaleLowerCase('en-US'));
        summary.entities += 1;
        summary[outcome.ok ? 'ok' : 'failed'] += 1;
        summary.requests += outcome.requests;
        for (const [cluster, count] of Object.entries(
          outcome.kubeRequestsByCluster,
        )) {
          summary.kubeRequests += count;
          summary.kubeRequestsByCluster[cluster] =
            (summary.kubeRequestsByCluster[cluster] ?? 0) + count;
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    // Only after a complete pass through the catalog is absence meaningful.
    const vanished = (await this.#store.listEntityRefs()).filter(
      ref => !seen.has(ref),
    );
    if (vanished.length) {
      await this.#store.deleteEntities(vanished);
    }
    summary.removed = vanished.length;
    summary.durationMs = Date.now() - started;

    this.#logger.info(
      `Availability refresh: ${summary.entities} entities, ${summary.ok} ok, ${
        summary.failed
      } failed, ${summary.removed} removed, ${
        summary.requests
      } kubernetes backend requests, ${
        summary.kubeRequests
      } kube API requests (${Object.entries(summary.kubeRequestsByCluster)
        .map(([cluster, count]) => `${cluster}: ${count}`)
        .join(', ')}), ${summary.durationMs} ms`,
    );
    return summary;
  }

  async listReports(query: ReportsQuery): Promise<ReportsPage> {
    return this.#store.listReports(this.#normalizeFilter(query));
  }

  async getSummary(filter: ReportsFilter): Promise<AvailabilitySummary> {
    return this.#store.getSummary(this.#normalizeFilter(filter), {
      now: this.#now(),
    });
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

  getChecks(): ChecksResponse {
    return { items: checkCatalog };
  }

  #normalizeFilter<T extends ReportsFilter>(filter: T): T {
    return {
      ...filter,
      owner: normalizeRefs(filter.owner, 'group', 'owner'),
      system: normalizeRefs(filter.system, 'system', 'system'),
    };
  }

  async #refresh(entity: Entity): Promise<EntityRefreshOutcome> {
    const info = entityInfo(entity);
    const at = this.#now();
    try {
      const result = await this.#source.getEntityObjects({ entity });
      const kubeRequestsByCluster = Object.fromEntries(
        result.clusters.map(c => [c.cluster, c.kubeRequests]),
      );
      const clusters: ClusterStatus[] = result.clusters.map(c =>
        c.status === 'ok'
          ? { cluster: c.cluster, status: 'ok' }
          : { cluster: c.cluster, status: 'error', message: c.message },
      );
      const usable = result.clusters.flatMap(c =>
        c.status === 'ok'
          ? c.objects.map(object => ({ object, cluster: c.cluster }))
          : [],
      );
      const anyOk = result.clusters.some(c => c.status === 'ok');
      if (result.clusters.length > 0 && !anyOk) {
        await this.#store.saveFailure({
          entity: info,
          clusters,
          message: `No cluster answered: ${clusters
            .map(c => `${c.cluster}: ${c.message}`)
            .join('; ')}`,
          failedAt: at,
        });
        return { ok: false, requests: result.requests, kubeRequestsByCluster };
      }
      const report = evaluate(usable, {
        config: this.#config,
        entityAnnotations: entity.metadata.annotations ?? {},
        now: at,
      });
      await this.#store.saveReport({
        entity: info,
        report,
        clusters,
        refreshedAt: at,
      });
      return { ok: true, requests: result.requests, kubeRequestsByCluster };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.warn(
        `Availability refresh of ${info.entityRef} failed: ${message}`,
      );
      // Clusters known from the last refresh show the failure too.
      const previous = await this.#store.getEntityReport(info.entityRef, {
        historyLimit: 0,
      });
      await this.#store.saveFailure({
        entity: info,
        clusters: (previous?.clusters ?? []).map(c => ({
          cluster: c.cluster,
          status: 'error',
          message,
        })),
        message,
        failedAt: at,
      });
      return {
        ok: false,
        requests: (error as { requests?: number }).requests ?? 0,
        kubeRequestsByCluster: {},
      };
    }
  }
}
