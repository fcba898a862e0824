import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  AvailabilityConfig,
  RefreshRun,
  RefreshStatusResponse,
} from '@availability-backstage/plugin-availability-common';
import type { AvailabilityStore } from '../../database/AvailabilityStore';
import type { RefreshRunStore } from '../../database/RefreshRunStore';
import { ClusterNodesCache } from '../ClusterNodesCache';
import type { ClusterNodesSource } from '../ClusterNodesSource';
import {
  hasKubernetesAnnotation,
  KUBERNETES_ANNOTATIONS,
  type KubeRequestListener,
  type KubernetesObjectsSource,
} from '../KubernetesObjectsSource';
import type { LevelChangeNotifier } from '../notifyLevelChanges';
import { EntityRefresher } from './EntityRefresher';
import type { RefreshMetrics } from './refreshMetrics';
import { RefreshRunner } from './RefreshRunner';

const DEFAULT_NODE_CACHE_TTL_MS = 5 * 60_000;

/** Options of {@link RefreshControl}. */
export interface RefreshControlOptions {
  logger: LoggerService;
  /** Where reports are kept. */
  store: AvailabilityStore;
  /** Where full refreshes are recorded; without it `GET /refresh` knows none. */
  runs?: RefreshRunStore;
  source: KubernetesObjectsSource;
  /** Where Nodes (zones) come from; without it zone checks are unknown. */
  nodes?: ClusterNodesSource;
  /** How long on-demand refreshes reuse a cluster's Node list; default 5 minutes, 0 never. */
  nodeCacheTtlMs?: number;
  catalog: CatalogService;
  auth: AuthService;
  /** Check overrides, thresholds and exemptions. */
  evaluation: AvailabilityConfig;
  /** How many entities a full refresh refreshes at once. */
  concurrency: number;
  /** Starts the scheduled refresh now (on whichever backend instance picks it up). */
  triggerRefresh?: () => Promise<void>;
  metrics?: RefreshMetrics;
  /** Told the report before and after each successful refresh. */
  levelChanges?: LevelChangeNotifier;
  now: () => Date;
}

/**
 * When refreshes run: one entity on demand, a full pass now or on the
 * schedule, and what the last full pass recorded.
 */
export class RefreshControl {
  readonly #catalog: CatalogService;
  readonly #source: KubernetesObjectsSource;
  /** Node lists shared by on-demand refreshes, for a short while. */
  readonly #onDemandNodes?: ClusterNodesCache;
  readonly #onKubeRequests?: KubeRequestListener;
  readonly #refresher: EntityRefresher;
  readonly #runner: RefreshRunner;
  readonly #runs?: RefreshRunStore;
  readonly #triggerRefresh?: () => Promise<void>;
  readonly #now: () => Date;

  constructor(options: RefreshControlOptions) {
    this.#catalog = options.catalog;
    this.#source = options.source;
    this.#onDemandNodes =
      options.nodes &&
      ClusterNodesCache.create({
        source: options.nodes,
        logger: options.logger,
        ttlMs: options.nodeCacheTtlMs ?? DEFAULT_NODE_CACHE_TTL_MS,
      });
    this.#onKubeRequests = options.metrics?.kubeRequests;
    this.#runs = options.runs;
    this.#triggerRefresh = options.triggerRefresh;
    this.#now = options.now;
    this.#refresher = new EntityRefresher({
      logger: options.logger,
      store: options.store,
      evaluation: options.evaluation,
      levelChanges: options.levelChanges,
      now: options.now,
    });
    this.#runner = new RefreshRunner({
      logger: options.logger,
      store: options.store,
      runs: options.runs,
      source: options.source,
      nodes: options.nodes,
      catalog: options.catalog,
      auth: options.auth,
      refresher: this.#refresher,
      concurrency: options.concurrency,
      metrics: options.metrics,
      now: options.now,
    });
  }

  /**
   * Refreshes one entity now, as the caller sees it in the catalog, and
   * returns its ref.
   */
  async refreshEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
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
    return stringifyEntityRef(entity);
  }

  /**
   * Refreshes every catalog entity with Kubernetes annotations; stops early,
   * as `interrupted`, when the signal aborts (the backend is stopping).
   */
  refreshAll(options?: { signal?: AbortSignal }): Promise<RefreshRun> {
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
}
