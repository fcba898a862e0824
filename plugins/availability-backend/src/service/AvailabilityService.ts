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
  EvaluationObject,
  parseManifests,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import {
  AvailabilityStore,
  ReportsFilter,
  StoredEntityInfo,
} from '../database/AvailabilityStore';
import { ClusterNodesCache } from './ClusterNodesCache';
import { ClusterNodesSource, nodeObject } from './ClusterNodesSource';
import {
  ClusterObjects,
  hasKubernetesAnnotation,
  KUBERNETES_ANNOTATIONS,
  KubernetesObjectsSource,
} from './KubernetesObjectsSource';
import { createLimiter } from './limiter';
import { CatalogEntityVisibility } from './CatalogEntityVisibility';
import { LevelChangeNotifier } from './notifyLevelChanges';

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
  /** Requests made to the kubernetes backend (Node lists included). */
  requests: number;
  /**
   * Kubernetes API requests made on our behalf in the clusters that answered
   * with objects (Node lists included). A lower bound: the kubernetes backend
   * also lists every other cluster, but leaves those out of its response.
   */
  kubeRequests: number;
  kubeRequestsByCluster: Record<string, number>;
  /** Requests that listed Nodes through the kubernetes backend's proxy, at most one per cluster and page. */
  nodeRequests: number;
  /** Clusters whose Nodes could not be listed; their zone checks are unknown. */
  nodeListFailures: string[];
  durationMs: number;
}

type EntityRefreshOutcome = {
  ok: boolean;
  requests: number;
  kubeRequestsByCluster: Record<string, number>;
};

const CATALOG_PAGE_SIZE = 200;

const DEFAULT_NODE_CACHE_TTL_MS = 5 * 60_000;

/** The names of the nodes that the pods among the objects run on. */
function podNodeNames(objects: ClusterObjects & { status: 'ok' }) {
  const names = new Set<string>();
  for (const object of objects.objects) {
    const nodeName = (object as { spec?: { nodeName?: unknown } }).spec
      ?.nodeName;
    if (object.kind === 'Pod' && typeof nodeName === 'string' && nodeName) {
      names.add(nodeName);
    }
  }
  return names;
}

function entityInfo(entity: Entity): StoredEntityInfo {
  const namespace = entity.metadata.namespace ?? 'default';
  const relationTarget = (type: string, kind: string) =>
    entity.relations?.find(
      r =>
        r.type === type &&
        parseEntityRef(r.targetRef).kind.toLowerCase() === kind,
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
      relationTarget(RELATION_PART_OF, 'system') ??
      specRef(spec.system, 'system'),
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

/** Options of {@link AvailabilityService.create}. */
interface AvailabilityServiceOptions {
  logger: LoggerService;
  store: AvailabilityStore;
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
  /** Told the report before and after each successful refresh. */
  levelChanges?: LevelChangeNotifier;
  now?: () => Date;
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
  readonly #nodes?: ClusterNodesSource;
  /** Node lists shared by on-demand refreshes, for a short while. */
  readonly #onDemandNodes?: ClusterNodesCache;
  readonly #catalog: CatalogService;
  readonly #visibility: CatalogEntityVisibility;
  readonly #auth: AuthService;
  readonly #config: AvailabilityConfig;
  readonly #concurrency: number;
  readonly #levelChanges?: LevelChangeNotifier;
  readonly #now: () => Date;

  static create(options: AvailabilityServiceOptions): AvailabilityService {
    return new AvailabilityService(options);
  }

  private constructor(options: AvailabilityServiceOptions) {
    this.#logger = options.logger;
    this.#store = options.store;
    this.#source = options.source;
    this.#nodes = options.nodes;
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
    this.#auth = options.auth;
    this.#config = options.evaluation;
    this.#concurrency = options.concurrency;
    this.#levelChanges = options.levelChanges;
    this.#now = options.now ?? (() => new Date());
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
    await this.#refresh(entity, this.#onDemandNodes);
    return this.getEntityReport(stringifyEntityRef(entity), options);
  }

  /** Refreshes every catalog entity with Kubernetes annotations. */
  async refreshAll(): Promise<RefreshSummary> {
    const started = Date.now();
    const credentials = await this.#auth.getOwnServiceCredentials();
    const limit = createLimiter(this.#concurrency);
    const seen = new Set<string>();
    // One Node list per cluster for the whole pass, shared by its entities.
    const nodes =
      this.#nodes &&
      ClusterNodesCache.create({ source: this.#nodes, logger: this.#logger });
    const summary: RefreshSummary = {
      entities: 0,
      ok: 0,
      failed: 0,
      removed: 0,
      requests: 0,
      kubeRequests: 0,
      kubeRequestsByCluster: {},
      nodeRequests: 0,
      nodeListFailures: [],
      durationMs: 0,
    };
    const countKubeRequests = (byCluster: Record<string, number>) => {
      for (const [cluster, count] of Object.entries(byCluster)) {
        summary.kubeRequests += count;
        summary.kubeRequestsByCluster[cluster] =
          (summary.kubeRequestsByCluster[cluster] ?? 0) + count;
      }
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
        entities.map(entity => limit(() => this.#refresh(entity, nodes))),
      );
      for (const [i, outcome] of outcomes.entries()) {
        seen.add(stringifyEntityRef(entities[i]).toLocaleLowerCase('en-US'));
        summary.entities += 1;
        summary[outcome.ok ? 'ok' : 'failed'] += 1;
        summary.requests += outcome.requests;
        countKubeRequests(outcome.kubeRequestsByCluster);
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
    if (nodes) {
      // Each Node list request is one to the kubernetes backend's proxy and
      // one to the cluster.
      const stats = nodes.stats();
      const nodeRequests = Object.values(stats.requestsByCluster).reduce(
        (sum, n) => sum + n,
        0,
      );
      summary.nodeRequests = nodeRequests;
      summary.requests += nodeRequests;
      summary.nodeListFailures = stats.failedClusters;
      countKubeRequests(stats.requestsByCluster);
    }
    summary.durationMs = Date.now() - started;

    this.#logger.info(
      `Availability refresh: ${summary.entities} entities, ${summary.ok} ok, ${
        summary.failed
      } failed, ${summary.removed} removed, ${
        summary.requests
      } kubernetes backend requests, ${
        summary.kubeRequests
      } kube API requests in clusters with objects (${Object.entries(
        summary.kubeRequestsByCluster,
      )
        .map(([cluster, count]) => `${cluster}: ${count}`)
        .join(', ')}), ${summary.nodeRequests} Node list requests${
        summary.nodeListFailures.length
          ? ` (Nodes unreadable on ${summary.nodeListFailures.join(', ')})`
          : ''
      }, ${summary.durationMs} ms`,
    );
    return summary;
  }

  /** The reports of the entities the catalog lets the caller read. */
  async listReports(
    query: ReportsQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<ReportsPage> {
    return this.#store.listReports(
      this.#normalizeFilter(query),
      await this.#visibleTo(options.credentials),
    );
  }

  /** Totals and rollups over the entities the catalog lets the caller read. */
  async getSummary(
    filter: ReportsFilter,
    options: { credentials: BackstageCredentials },
  ): Promise<AvailabilitySummary> {
    return this.#store.getSummary(this.#normalizeFilter(filter), {
      ...(await this.#visibleTo(options.credentials)),
      now: this.#now(),
    });
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

  /**
   * The usable objects of the clusters that answered, with the Nodes their
   * pods run on (only those: the engine looks Nodes up by name, and a big
   * cluster's other Nodes would only cost time).
   */
  async #evaluationObjects(
    clusters: ClusterObjects[],
    nodes: ClusterNodesCache | undefined,
  ): Promise<EvaluationObject[]> {
    const perCluster = await Promise.all(
      clusters.map(async c => {
        if (c.status !== 'ok') {
          return [];
        }
        const objects: EvaluationObject[] = c.objects.map(object => ({
          object,
          cluster: c.cluster,
        }));
        const names = podNodeNames(c);
        const known = names.size ? await nodes?.getNodes(c.cluster) : undefined;
        for (const name of names) {
          const node = known?.get(name);
          if (node) {
            objects.push({ object: nodeObject(node), cluster: c.cluster });
          }
        }
        return objects;
      }),
    );
    return perCluster.flat();
  }

  async #refresh(
    entity: Entity,
    nodes: ClusterNodesCache | undefined,
  ): Promise<EntityRefreshOutcome> {
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
      const usable = await this.#evaluationObjects(result.clusters, nodes);
      const report = evaluate(usable, {
        config: this.#config,
        entityAnnotations: entity.metadata.annotations ?? {},
        now: at,
      });
      const previous =
        this.#levelChanges &&
        (await this.#store.getEntityReport(info.entityRef, {
          historyLimit: 0,
        }));
      await this.#store.saveReport({
        entity: info,
        report,
        clusters,
        refreshedAt: at,
      });
      await this.#levelChanges?.notifyLevelChanges({
        entityRef: info.entityRef,
        entityTitle: info.title ?? info.name,
        previous: previous?.report ?? null,
        current: report,
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
