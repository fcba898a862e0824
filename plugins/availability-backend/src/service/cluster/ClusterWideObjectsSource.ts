import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  ClusterObjects,
  EntityObjects,
  KubeRequestListener,
  KubernetesObjectsSource,
} from '../KubernetesObjectsSource';
import { KubernetesProxyClient } from '../proxy/KubernetesProxyClient';
import { ClusterSnapshot } from './ClusterSnapshot';
import { entityScope, EntityScope, KUBERNETES_ID_LABEL } from './entityScope';
import { listCluster } from './listCluster';

type Listing = { cluster: string } & (
  | { snapshot: ClusterSnapshot }
  | { message: string }
);

function objectsOf(listings: Listing[], scope: EntityScope | undefined) {
  const clusters: ClusterObjects[] = [];
  const answeredEmpty: ClusterObjects[] = [];
  for (const listing of listings) {
    if ('message' in listing) {
      clusters.push({
        cluster: listing.cluster,
        status: 'error',
        message: listing.message,
      });
      continue;
    }
    const objects = scope ? listing.snapshot.objectsFor(scope) : [];
    const found: ClusterObjects = {
      cluster: listing.cluster,
      status: 'ok',
      objects,
    };
    (objects.length ? clusters : answeredEmpty).push(found);
  }
  // A cluster where the entity has nothing is not one of its clusters,
  // unless none has anything: then the clusters asked are what the owner
  // needs to see ("no workloads found in prod-eu, prod-us").
  if (!clusters.some(c => c.status === 'ok')) {
    clusters.push(...answeredEmpty);
  }
  return { clusters };
}

/**
 * Reads objects through the kubernetes backend's proxy, one list per object
 * type and cluster (paged) for a whole pass, and groups them by entity
 * locally: requests grow with clusters, types and pages, not with entities.
 * Clusters come from the kubernetes backend's `GET /clusters`, so its
 * cluster config and credentials are the only ones. Each cluster is listed
 * on its own, with a deadline per request: a cluster that fails is an error
 * for itself alone.
 *
 * @public
 */
export class ClusterWideObjectsSource implements KubernetesObjectsSource {
  readonly #options: ClusterWideObjectsSourceOptions;

  static create(
    options: ClusterWideObjectsSourceOptions,
  ): ClusterWideObjectsSource {
    return new ClusterWideObjectsSource(options);
  }

  private constructor(options: ClusterWideObjectsSourceOptions) {
    this.#options = options;
  }

  /** One entity on its own (an on-demand refresh): lists by its selector. */
  async getEntityObjects(options: {
    entity: Entity;
    onKubeRequests?: KubeRequestListener;
  }): Promise<EntityObjects> {
    const scope = entityScope(options.entity);
    const listings = await this.#listAll({
      labelSelector: scope?.labelSelector,
      namespace: scope?.namespace,
      onKubeRequests: options.onKubeRequests,
    });
    return objectsOf(listings, scope);
  }

  /**
   * Lists every cluster once for these entities and answers for each of
   * them from that listing.
   */
  async preparePass(options: {
    entities: Entity[];
    signal?: AbortSignal;
    onKubeRequests?: KubeRequestListener;
  }): Promise<KubernetesObjectsSource> {
    const scopes = options.entities.map(entityScope);
    // Entities found by id need only labelled objects; one with a selector
    // of its own needs them all.
    const labelSelector = scopes.every(s => s?.by !== 'selector')
      ? KUBERNETES_ID_LABEL
      : undefined;
    const listings = await this.#listAll({
      labelSelector,
      signal: options.signal,
      onKubeRequests: options.onKubeRequests,
    });
    return {
      getEntityObjects: async ({ entity }) =>
        objectsOf(listings, entityScope(entity)),
    };
  }

  async #listAll(options: {
    labelSelector?: string;
    namespace?: string;
    signal?: AbortSignal;
    onKubeRequests?: KubeRequestListener;
  }): Promise<Listing[]> {
    const client = KubernetesProxyClient.create({
      discovery: this.#options.discovery,
      auth: this.#options.auth,
      timeoutMs: this.#options.clusterTimeoutMs,
      pageSize: this.#options.pageSize,
      onRequest: cluster => {
        this.#options.onKubeRequests?.(cluster, 1);
        options.onKubeRequests?.(cluster, 1);
      },
    });
    const clusters = await client.listClusters();
    return Promise.all(
      clusters.map(async (cluster): Promise<Listing> => {
        try {
          const snapshot = await listCluster({
            client,
            cluster,
            labelSelector: options.labelSelector,
            namespace: options.namespace,
            signal: options.signal,
          });
          return { cluster, snapshot };
        } catch (error) {
          return { cluster, message: (error as Error).message };
        }
      }),
    );
  }
}

/**
 * Options of {@link ClusterWideObjectsSource.create}.
 *
 * @public
 */
export interface ClusterWideObjectsSourceOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /** Deadline of each request to a cluster. */
  clusterTimeoutMs: number;
  /** Objects asked for per request (`limit`); default 500. */
  pageSize?: number;
  /** Told of every request sent to a cluster, e.g. for metrics. */
  onKubeRequests?: KubeRequestListener;
}
