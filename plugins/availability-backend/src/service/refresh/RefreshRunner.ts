import {
  failureDomainNode,
  queryAllPages,
} from '@availability-backstage/plugin-availability-common';
import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  RefreshRun,
  RefreshRunCluster,
} from '@availability-backstage/plugin-availability-common';
import { AvailabilityStore } from '../../database/AvailabilityStore';
import { RefreshRunStore, RunProgress } from '../../database/RefreshRunStore';
import { ClusterNodesCache } from '../ClusterNodesCache';
import { ClusterNodesSource } from '../ClusterNodesSource';
import { ANNOTATED_ENTITIES_FILTER } from '../annotatedEntitiesFilter';
import {
  hasKubernetesAnnotation,
  KubernetesObjectsSource,
} from '../KubernetesObjectsSource';
import { createLimiter } from '../limiter';
import { EntityRefresher } from './EntityRefresher';
import { RefreshMetrics } from './refreshMetrics';

const CATALOG_PAGE_SIZE = 200;
const HEARTBEAT_MS = 15_000;
// Errors a run record keeps; the log has them all.
const MAX_ERRORS = 20;

/** Every catalog entity with Kubernetes annotations, page by page. */
async function annotatedEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities = await queryAllPages(
    request => catalog.queryEntities(request, { credentials }),
    { filter: ANNOTATED_ENTITIES_FILTER, limit: CATALOG_PAGE_SIZE },
  );
  return entities.filter(hasKubernetesAnnotation);
}

/** What a run saw, filled in as it goes. */
class RunTally {
  readonly entities = { total: 0, ok: 0, failed: 0, removed: 0 };
  readonly errors: string[] = [];
  readonly #clusters = new Map<string, RefreshRunCluster>();

  cluster(name: string): RefreshRunCluster {
    let entry = this.#clusters.get(name);
    if (!entry) {
      entry = { cluster: name, status: 'ok', requests: 0 };
      this.#clusters.set(name, entry);
    }
    return entry;
  }

  error(message: string) {
    if (this.errors.length < MAX_ERRORS) this.errors.push(message);
  }

  progress(): RunProgress {
    return {
      entities: { ...this.entities },
      clusters: [...this.#clusters.values()]
        .map(c => ({ ...c }))
        .sort((a, b) => a.cluster.localeCompare(b.cluster)),
      errors: [...this.errors],
    };
  }
}

interface RefreshRunnerOptions {
  logger: LoggerService;
  store: AvailabilityStore;
  /** Where runs are recorded for `GET /refresh`; without it they are only logged. */
  runs?: RefreshRunStore;
  source: KubernetesObjectsSource;
  nodes?: ClusterNodesSource;
  catalog: CatalogService;
  auth: AuthService;
  refresher: EntityRefresher;
  concurrency: number;
  metrics?: RefreshMetrics;
  now: () => Date;
}

/**
 * A full refresh of every annotated catalog entity: one reading of every
 * cluster when the source can (else entity by entity), entities refreshed a
 * few at a time, reports of entities gone from the catalog removed after a
 * complete pass, and the run recorded for `GET /refresh`, the log and the
 * metrics.
 */
export class RefreshRunner {
  readonly #options: RefreshRunnerOptions;

  constructor(options: RefreshRunnerOptions) {
    this.#options = options;
  }

  async run(options?: { signal?: AbortSignal }): Promise<RefreshRun> {
    const { logger, runs, now, metrics } = this.#options;
    const signal = options?.signal;
    const startedAt = now();
    const tally = new RunTally();
    const id = await runs?.start(startedAt);
    const beat =
      id === undefined
        ? undefined
        : setInterval(() => {
            runs!
              .heartbeat(id, now(), tally.progress())
              .catch(error =>
                logger.warn(`Could not record refresh progress: ${error}`),
              );
          }, HEARTBEAT_MS);
    beat?.unref();

    let status: 'succeeded' | 'failed' | 'interrupted' = 'succeeded';
    let run: RefreshRun | undefined;
    try {
      await this.#pass(tally, signal);
      if (signal?.aborted) status = 'interrupted';
    } catch (error) {
      status = signal?.aborted ? 'interrupted' : 'failed';
      tally.error(`The refresh stopped: ${(error as Error).message}`);
      throw error;
    } finally {
      clearInterval(beat);
      const finishedAt = now();
      const durationMs = finishedAt.getTime() - startedAt.getTime();
      const progress = tally.progress();
      run = {
        status,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs,
        ...progress,
      };
      metrics?.passDuration(durationMs, status);
      for (const [outcome, count] of [
        ['ok', progress.entities.ok],
        ['failed', progress.entities.failed],
        ['removed', progress.entities.removed],
      ] as const) {
        metrics?.entities(outcome, count);
      }
      for (const c of progress.clusters) {
        if (c.status === 'error') metrics?.clusterError(c.cluster);
      }
      if (id !== undefined) {
        await runs!
          .finish(id, { ...progress, status, at: finishedAt, durationMs })
          .catch(error =>
            logger.warn(`Could not record the refresh outcome: ${error}`),
          );
      }
      logger.info(
        `Availability refresh ${status}: ${progress.entities.total} entities, ${progress.entities.ok} ok, ${progress.entities.failed} failed, ${progress.entities.removed} removed, ${durationMs} ms`,
        {
          status,
          entities: progress.entities.total,
          ok: progress.entities.ok,
          failed: progress.entities.failed,
          removed: progress.entities.removed,
          durationMs,
          kubeRequests: progress.clusters.reduce((n, c) => n + c.requests, 0),
          kubeRequestsByCluster: JSON.stringify(
            Object.fromEntries(
              progress.clusters.map(c => [c.cluster, c.requests]),
            ),
          ),
          failedClusters: progress.clusters
            .filter(c => c.status === 'error')
            .map(c => c.cluster)
            .join(','),
        },
      );
    }
    return run!;
  }

  async #pass(tally: RunTally, signal: AbortSignal | undefined) {
    const { source, catalog, auth, store, refresher, logger } = this.#options;
    const onKubeRequests = (cluster: string, count: number) => {
      tally.cluster(cluster).requests += count;
      this.#options.metrics?.kubeRequests(cluster, count);
    };
    const credentials = await auth.getOwnServiceCredentials();
    const entities = await annotatedEntities(catalog, credentials);

    let pass: KubernetesObjectsSource = source;
    if (source.preparePass) {
      try {
        pass = await source.preparePass({ entities, signal, onKubeRequests });
      } catch (error) {
        // Nothing could be read (e.g. the kubernetes backend is down): every
        // entity records the failure and keeps its last good report.
        const message = (error as Error).message;
        tally.error(message);
        pass = { getEntityObjects: () => Promise.reject(error) };
      }
    }
    // One Node list per cluster for the whole pass, shared by its entities.
    const nodes =
      this.#options.nodes &&
      ClusterNodesCache.create({ source: this.#options.nodes, logger });

    const limit = createLimiter(this.#options.concurrency);
    const seen = new Set<string>();
    await Promise.all(
      entities.map(entity =>
        limit(async () => {
          if (signal?.aborted) return;
          const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
          seen.add(ref);
          let outcome;
          try {
            outcome = await refresher.refresh(entity, {
              source: pass,
              nodes,
              onKubeRequests,
            });
          } catch (error) {
            // The store failed (e.g. the database refuses writes): the
            // entity keeps what it had; the next pass tries again.
            outcome = {
              ok: false,
              message: `could not store the refresh: ${
                (error as Error).message
              }`,
              clusters: [],
            };
            logger.warn(
              `Availability refresh of ${ref} failed: ${outcome.message}`,
            );
          }
          tally.entities.total += 1;
          tally.entities[outcome.ok ? 'ok' : 'failed'] += 1;
          if (outcome.message) tally.error(`${ref}: ${outcome.message}`);
          for (const c of outcome.clusters) {
            const entry = tally.cluster(c.cluster);
            if (c.status === 'error' && entry.status === 'ok') {
              entry.status = 'error';
              entry.message = c.message;
            }
          }
        }),
      ),
    );
    if (nodes) {
      const stats = nodes.stats();
      for (const [cluster, count] of Object.entries(stats.requestsByCluster)) {
        onKubeRequests(cluster, count);
      }
      for (const cluster of stats.failedClusters) {
        tally.error(
          `Could not list the Nodes of ${cluster}; its zone checks are unknown`,
        );
      }
      await this.#saveNodeLists(nodes, Object.keys(stats.requestsByCluster));
    }
    if (signal?.aborted) return;

    // Only after a complete pass through the catalog is absence meaningful.
    const vanished = (await store.listEntityRefs()).filter(
      ref => !seen.has(ref),
    );
    if (vanished.length) {
      await store.deleteEntities(vanished);
    }
    tally.entities.removed = vanished.length;
  }

  /** Keeps the Node lists read during the pass, for the cluster views. */
  async #saveNodeLists(nodes: ClusterNodesCache, clusters: string[]) {
    const refreshedAt = this.#options.now();
    for (const cluster of clusters) {
      const byName = await nodes.getNodes(cluster);
      if (byName) {
        await this.#options.store.saveClusterNodes({
          cluster,
          nodes: [...byName.values()].map(node =>
            failureDomainNode({ metadata: node }),
          ),
          refreshedAt,
        });
      }
    }
  }
}
