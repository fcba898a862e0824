import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { z } from 'zod';

/** The header that picks the cluster of a kubernetes backend proxy request. */
const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

const DEFAULT_PAGE_SIZE = 500;
// A bound on `continue` chains, so that a misbehaving server cannot loop us.
const MAX_PAGES = 1000;

const listSchema = z.object({
  items: z.array(z.unknown()),
  metadata: z.object({ continue: z.string().nullish() }).nullish(),
});

const clustersSchema = z.object({
  items: z.array(z.object({ name: z.string().min(1) }).passthrough()),
});

/**
 * Why a request through the proxy gave nothing usable. `notFound` is a type
 * the cluster does not serve (a missing CRD), which callers may skip.
 */
export class ProxyRequestError extends Error {
  readonly notFound: boolean;
  /** Requests sent before giving up, the failed one included. */
  requests = 0;

  constructor(message: string, options?: { notFound?: boolean }) {
    super(message);
    this.name = 'ProxyRequestError';
    this.notFound = options?.notFound ?? false;
  }
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

/** One request's outcome, told to whoever counts them. */
export type ProxyRequestListener = (cluster: string) => void;

/**
 * GET requests to clusters through the kubernetes backend's proxy
 * (`/proxy/<kube API path>` with the `Backstage-Kubernetes-Cluster` header),
 * so that the kubernetes backend's cluster config, credentials and
 * permissions apply. Only GETs: the proxy holds the service account's full
 * access.
 */
export class KubernetesProxyClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;
  readonly #pageSize: number;
  readonly #onRequest?: ProxyRequestListener;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Deadline of one request. */
    timeoutMs: number;
    /** Items asked for per request (`limit`); default 500. */
    pageSize?: number;
    /** Called once per request sent to a cluster. */
    onRequest?: ProxyRequestListener;
  }): KubernetesProxyClient {
    return new KubernetesProxyClient(options);
  }

  private constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs: number;
    pageSize?: number;
    onRequest?: ProxyRequestListener;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.#onRequest = options.onRequest;
  }

  /** The clusters the kubernetes backend knows, by name. */
  async listClusters(): Promise<string[]> {
    const { baseUrl, token } = await this.#prepare();
    const json = await this.#getJson(new URL(`${baseUrl}/clusters`), {
      token,
    });
    const parsed = clustersSchema.safeParse(json);
    if (!parsed.success) {
      throw new ProxyRequestError(
        'the kubernetes backend sent a malformed cluster list',
      );
    }
    return [...new Set(parsed.data.items.map(c => c.name))].sort();
  }

  /**
   * Pages through a list (`limit`/`continue`) and hands each page's items to
   * `onItems` as it arrives, so that only the parsed items are kept. Throws
   * a {@link ProxyRequestError} on the first failed page; resolves to the
   * number of requests sent.
   */
  async list(options: {
    cluster: string;
    /** Kube API path, e.g. `/apis/apps/v1/deployments`. */
    path: string;
    /** What the list holds, for messages; default the path. */
    what?: string;
    labelSelector?: string;
    /** May throw a {@link ProxyRequestError} for items it cannot read. */
    onItems: (items: unknown[]) => void;
    signal?: AbortSignal;
    maxPages?: number;
  }): Promise<number> {
    const { baseUrl, token } = await this.#prepare();
    const maxPages = options.maxPages ?? MAX_PAGES;
    let cont: string | undefined;
    let pages = 0;
    try {
      do {
        const url = new URL(`${baseUrl}/proxy${options.path}`);
        url.searchParams.set('limit', String(this.#pageSize));
        if (options.labelSelector) {
          url.searchParams.set('labelSelector', options.labelSelector);
        }
        if (cont) {
          url.searchParams.set('continue', cont);
        }
        pages += 1;
        this.#onRequest?.(options.cluster);
        const json = await this.#getJson(url, {
          token,
          cluster: options.cluster,
          signal: options.signal,
        });
        const page = listSchema.safeParse(json);
        if (!page.success) {
          throw new ProxyRequestError(
            `a malformed list of ${options.what ?? options.path}`,
          );
        }
        options.onItems(page.data.items);
        cont = page.data.metadata?.continue || undefined;
      } while (cont && pages < maxPages);
      if (cont) {
        throw new ProxyRequestError(
          `more than ${maxPages} pages of ${options.what ?? options.path}`,
        );
      }
    } catch (error) {
      if (error instanceof ProxyRequestError) {
        error.requests = pages;
      }
      throw error;
    }
    return pages;
  }

  async #prepare(): Promise<{ baseUrl: string; token: string }> {
    try {
      const baseUrl = await this.#discovery.getBaseUrl('kubernetes');
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'kubernetes',
      });
      return { baseUrl, token };
    } catch (error) {
      throw new ProxyRequestError(
        `could not prepare the request: ${(error as Error).message}`,
      );
    }
  }

  async #getJson(
    url: URL,
    options: { token: string; cluster?: string; signal?: AbortSignal },
  ): Promise<unknown> {
    const deadline = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([deadline, options.signal])
      : deadline;
    try {
      const response = await fetch(url, {
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(options.cluster && { [CLUSTER_HEADER]: options.cluster }),
          accept: 'application/json',
        },
        signal,
      });
      if (!response.ok) {
        throw new ProxyRequestError(await describeFailure(response), {
          notFound: response.status === 404,
        });
      }
      return await response.json();
    } catch (error) {
      if (error instanceof ProxyRequestError) {
        throw error;
      }
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || deadline.aborted) {
        throw new ProxyRequestError(
          `no answer within ${this.#timeoutMs / 1000}s`,
        );
      }
      if (name === 'AbortError') {
        throw new ProxyRequestError('the request was cancelled');
      }
      if (name === 'SyntaxError') {
        throw new ProxyRequestError('a response that is not JSON');
      }
      throw new ProxyRequestError(
        `request failed: ${(error as Error).message}`,
      );
    }
  }
}
