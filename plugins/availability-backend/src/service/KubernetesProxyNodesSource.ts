import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  ClusterNode,
  ClusterNodesResult,
  ClusterNodesSource,
} from './ClusterNodesSource';
import {
  KubernetesProxyClient,
  ProxyRequestError,
} from './proxy/KubernetesProxyClient';

// Nodes are few; a longer chain means a misbehaving server.
const MAX_PAGES = 100;

const nodeSchema = z.object({
  metadata: z.object({
    name: z.string(),
    labels: z.record(z.string(), z.unknown()).nullish(),
  }),
});

function stringLabels(labels: Record<string, unknown> | null | undefined) {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (typeof value === 'string') {
      result[key] = value;
    }
  }
  return result;
}

/**
 * Lists Nodes through the kubernetes backend's proxy
 * (`GET /proxy/api/v1/nodes` with the `Backstage-Kubernetes-Cluster` header),
 * so the cluster's configured credentials are used. The proxy checks the
 * `kubernetes.proxy` permission.
 *
 * @public
 */
export class KubernetesProxyNodesSource implements ClusterNodesSource {
  readonly #client: KubernetesProxyClient;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Timeout of one request to the proxy. */
    timeoutMs: number;
    /** Nodes asked for per request (`limit`); default 500. */
    pageSize?: number;
  }): KubernetesProxyNodesSource {
    return new KubernetesProxyNodesSource(
      KubernetesProxyClient.create(options),
    );
  }

  /** @internal */
  static fromClient(client: KubernetesProxyClient): KubernetesProxyNodesSource {
    return new KubernetesProxyNodesSource(client);
  }

  private constructor(client: KubernetesProxyClient) {
    this.#client = client;
  }

  async listNodes(options: { cluster: string }): Promise<ClusterNodesResult> {
    const nodes: ClusterNode[] = [];
    try {
      const requests = await this.#client.list({
        cluster: options.cluster,
        path: '/api/v1/nodes',
        what: 'nodes',
        maxPages: MAX_PAGES,
        onItems: items => {
          for (const item of items) {
            const parsed = nodeSchema.safeParse(item);
            if (!parsed.success) {
              throw new ProxyRequestError('a malformed NodeList');
            }
            nodes.push({
              name: parsed.data.metadata.name,
              labels: stringLabels(parsed.data.metadata.labels),
            });
          }
        },
      });
      return { status: 'ok', nodes, requests };
    } catch (error) {
      return {
        status: 'error',
        message: (error as Error).message,
        requests: error instanceof ProxyRequestError ? error.requests : 0,
      };
    }
  }
}
