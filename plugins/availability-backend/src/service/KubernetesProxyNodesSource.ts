import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import {
  ClusterNode,
  ClusterNodesResult,
  ClusterNodesSource,
} from './ClusterNodesSource';

/** The header that picks the cluster of a kubernetes backend proxy request. */
const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

const DEFAULT_PAGE_SIZE = 500;
// A bound on `continue` chains, so that a misbehaving server cannot loop us.
const MAX_PAGES = 100;

const nodeListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({
        name: z.string(),
        labels: z.record(z.string(), z.unknown()).nullish(),
      }),
    }),
  ),
  metadata: z.object({ continue: z.string().nullish() }).nullish(),
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

async function describeFailure(response: Response): Promise<string> {
  let detail = '';
  try {
    const body = JSON.parse(await response.text());
    // Backstage errors (the proxy's own 403) and Kubernetes Status objects
    // (forwarded from the cluster) carry the reason in different places.
    const message = body?.error?.message ?? body?.message;
    if (typeof message === 'string') {
      detail = message;
    }
  } catch {
    // No readable body: the status says enough.
  }
  const status = `${response.status} ${response.statusText}`.trim();
  return detail ? `${status}: ${detail}` : status;
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
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;
  readonly #pageSize: number;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Timeout of one request to the proxy. */
    timeoutMs: number;
    /** Nodes asked for per request (`limit`); default 500. */
    pageSize?: number;
  }): KubernetesProxyNodesSource {
    return new KubernetesProxyNodesSource(options);
  }

  private constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs: number;
    pageSize?: number;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  async listNodes(options: { cluster: string }): Promise<ClusterNodesResult> {
    const nodes: ClusterNode[] = [];
    let requests = 0;
    let token: string;
    let baseUrl: string;
    try {
      baseUrl = await this.#discovery.getBaseUrl('kubernetes');
      ({ token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'kubernetes',
      }));
    } catch (error) {
      return {
        status: 'error',
        message: `could not prepare the request: ${(error as Error).message}`,
        requests,
      };
    }

    let cont: string | undefined;
    do {
      const url = new URL(`${baseUrl}/proxy/api/v1/nodes`);
      url.searchParams.set('limit', String(this.#pageSize));
      if (cont) {
        url.searchParams.set('continue', cont);
      }
      requests += 1;
      const page = await this.#fetchPage(url, token, options.cluster);
      if (typeof page === 'string') {
        return { status: 'error', message: page, requests };
      }
      for (const item of page.items) {
        nodes.push({
          name: item.metadata.name,
          labels: stringLabels(item.metadata.labels),
        });
      }
      cont = page.metadata?.continue || undefined;
    } while (cont && requests < MAX_PAGES);

    if (cont) {
      return {
        status: 'error',
        message: `more than ${MAX_PAGES} pages of nodes`,
        requests,
      };
    }
    return { status: 'ok', nodes, requests };
  }

  /** One page, or why it failed. */
  async #fetchPage(
    url: URL,
    token: string,
    cluster: string,
  ): Promise<z.infer<typeof nodeListSchema> | string> {
    try {
      const response = await fetch(url, {
        headers: {
          authorization: `Bearer ${token}`,
          [CLUSTER_HEADER]: cluster,
          accept: 'application/json',
        },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (!response.ok) {
        return await describeFailure(response);
      }
      const parsed = nodeListSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : 'a malformed NodeList';
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError') {
        return `no answer within ${this.#timeoutMs / 1000}s`;
      }
      if (name === 'SyntaxError') {
        return 'a response that is not JSON';
      }
      return `request failed: ${(error as Error).message}`;
    }
  }
}
