import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterNode,
  ClusterNodesResult,
  ClusterNodesSource,
} from './ClusterNodesSource';

/**
 * What a {@link ClusterNodesCache} fetched since it was created.
 *
 * @public
 */
export interface ClusterNodesStats {
  /** Requests made (each one to the kubernetes backend and one to a cluster). */
  requestsByCluster: Record<string, number>;
  /** Clusters whose Nodes could not be listed. */
  failedClusters: string[];
}

type NodesByName = ReadonlyMap<string, ClusterNode>;

type Entry = {
  /** Undefined when the Nodes could not be listed. */
  nodes: Promise<NodesByName | undefined>;
  expiresAt: number;
};

/**
 * Lists each cluster's Nodes once and shares them between entities: a
 * scheduled pass creates one without expiry and drops it at the end, so Node
 * lists cost one request per cluster and pass, not per entity. Concurrent
 * callers share one request. A failure is cached like a success (and logged
 * once), so that a cluster whose Nodes cannot be read does not cost a
 * request, or a timeout, per entity.
 *
 * @public
 */
export class ClusterNodesCache {
  readonly #source: ClusterNodesSource;
  readonly #logger: LoggerService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #requestsByCluster: Record<string, number> = {};
  readonly #failedClusters = new Set<string>();

  static create(options: {
    source: ClusterNodesSource;
    logger: LoggerService;
    /** How long a listing is reused; omit to keep it for the cache's life, 0 to never reuse. */
    ttlMs?: number;
    now?: () => number;
  }): ClusterNodesCache {
    return new ClusterNodesCache(options);
  }

  private constructor(options: {
    source: ClusterNodesSource;
    logger: LoggerService;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#source = options.source;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs ?? Infinity;
    this.#now = options.now ?? Date.now;
  }

  /** The cluster's Nodes by name; undefined when they could not be listed. */
  getNodes(cluster: string): Promise<NodesByName | undefined> {
    const now = this.#now();
    let entry = this.#entries.get(cluster);
    if (!entry || entry.expiresAt <= now) {
      entry = { nodes: this.#fetch(cluster), expiresAt: now + this.#ttlMs };
      if (this.#ttlMs > 0) {
        this.#entries.set(cluster, entry);
      }
    }
    return entry.nodes;
  }

  stats(): ClusterNodesStats {
    return {
      requestsByCluster: { ...this.#requestsByCluster },
      failedClusters: [...this.#failedClusters].sort(),
    };
  }

  async #fetch(cluster: string): Promise<NodesByName | undefined> {
    let result: ClusterNodesResult;
    try {
      result = await this.#source.listNodes({ cluster });
    } catch (error) {
      // Sources should not throw; if one does, zones are merely unknown.
      result = { status: 'error', message: String(error), requests: 0 };
    }
    this.#requestsByCluster[cluster] =
      (this.#requestsByCluster[cluster] ?? 0) + result.requests;
    if (result.status === 'error') {
      this.#failedClusters.add(cluster);
      this.#logger.warn(
        `Could not list the Nodes of cluster ${cluster} (${result.message}); zone checks of its workloads stay unknown`,
      );
      return undefined;
    }
    return new Map(result.nodes.map(node => [node.name, node]));
  }
}
