import { objectsToStore } from '../storedObjects';
import { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  AvailabilityConfig,
  ClusterStatus,
  evaluate,
  EvaluationObject,
} from '@availability-backstage/plugin-availability-common';
import { AvailabilityStore } from '../../database/AvailabilityStore';
import { ClusterNodesCache } from '../ClusterNodesCache';
import { nodeObject } from '../ClusterNodesSource';
import { entityInfo } from '../entityInfo';
import {
  ClusterObjects,
  KubeRequestListener,
  KubernetesObjectsSource,
} from '../KubernetesObjectsSource';
import { LevelChangeNotifier } from '../notifyLevelChanges';
import {
  ClusterOutcome,
  reconcileClusters,
  withKeptEntries,
} from './reconcileClusters';

/** How one entity's refresh went. */
export interface EntityRefreshOutcome {
  ok: boolean;
  /** Set when the refresh failed as a whole. */
  message?: string;
  clusters: ClusterStatus[];
}

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

/**
 * The usable objects of the clusters that answered, with the Nodes their
 * pods run on (only those: the engine looks Nodes up by name, and a big
 * cluster's other Nodes would only cost time).
 */
async function evaluationObjects(
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

/**
 * Refreshes one entity: reads its objects, evaluates them, keeps the last
 * good entries of clusters that failed, and stores the result.
 */
export class EntityRefresher {
  readonly #logger: LoggerService;
  readonly #store: AvailabilityStore;
  readonly #config: AvailabilityConfig;
  readonly #levelChanges?: LevelChangeNotifier;
  readonly #now: () => Date;

  constructor(options: {
    logger: LoggerService;
    store: AvailabilityStore;
    evaluation: AvailabilityConfig;
    levelChanges?: LevelChangeNotifier;
    now: () => Date;
  }) {
    this.#logger = options.logger;
    this.#store = options.store;
    this.#config = options.evaluation;
    this.#levelChanges = options.levelChanges;
    this.#now = options.now;
  }

  async refresh(
    entity: Entity,
    options: {
      source: KubernetesObjectsSource;
      nodes: ClusterNodesCache | undefined;
      onKubeRequests?: KubeRequestListener;
    },
  ): Promise<EntityRefreshOutcome> {
    const info = entityInfo(entity);
    const at = this.#now();
    let result;
    try {
      result = await options.source.getEntityObjects({
        entity,
        onKubeRequests: options.onKubeRequests,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.warn(
        `Availability refresh of ${info.entityRef} failed: ${message}`,
      );
      return this.#saveFailure(info, at, message, undefined);
    }

    const outcomes: ClusterOutcome[] = result.clusters.map(c =>
      c.status === 'ok'
        ? { cluster: c.cluster, status: 'ok' }
        : { cluster: c.cluster, status: 'error', message: c.message },
    );
    // The previous report matters to clusters that failed and to level
    // change notifications.
    const previous =
      this.#levelChanges || outcomes.some(o => o.status === 'error')
        ? await this.#store.getEntityReport(info.entityRef, {
            historyLimit: 0,
          })
        : undefined;
    const { statuses, kept } = reconcileClusters({ outcomes, previous, at });
    if (statuses.length > 0 && statuses.every(s => s.status === 'error')) {
      const message = `No cluster answered: ${statuses
        .map(c => `${c.cluster}: ${c.message}`)
        .join('; ')}`;
      return this.#saveFailure(info, at, message, statuses);
    }
    const usable = await evaluationObjects(result.clusters, options.nodes);
    const report = evaluate(usable, {
      config: this.#config,
      entityAnnotations: entity.metadata.annotations ?? {},
      now: at,
    });
    const current = withKeptEntries(report, kept);
    await this.#store.saveReport({
      entity: info,
      report: current,
      clusters: statuses,
      refreshedAt: at,
      objects: objectsToStore(usable),
    });
    await this.#levelChanges?.notifyLevelChanges({
      entityRef: info.entityRef,
      entityTitle: info.title ?? info.name,
      previous: previous?.report ?? null,
      current,
    });
    return { ok: true, clusters: statuses };
  }

  /**
   * The last good report stays, stale; clusters known from it show the
   * failure (or their own, when they were asked).
   */
  async #saveFailure(
    info: ReturnType<typeof entityInfo>,
    at: Date,
    message: string,
    statuses: ClusterStatus[] | undefined,
  ): Promise<EntityRefreshOutcome> {
    let clusters = statuses;
    if (!clusters) {
      const previous = await this.#store.getEntityReport(info.entityRef, {
        historyLimit: 0,
      });
      clusters = reconcileClusters({
        outcomes: (previous?.clusters ?? []).map(c => ({
          cluster: c.cluster,
          status: 'error',
          message,
        })),
        previous,
        at,
      }).statuses;
    }
    await this.#store.saveFailure({
      entity: info,
      clusters,
      message,
      failedAt: at,
    });
    return { ok: false, message, clusters };
  }
}
