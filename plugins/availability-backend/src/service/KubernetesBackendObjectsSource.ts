import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { z } from 'zod';
import {
  ClusterObjects,
  EntityObjects,
  KubeRequestListener,
  KubernetesObject,
  KubernetesObjectsSource,
} from './KubernetesObjectsSource';

/**
 * The custom resources asked for besides the kubernetes backend's default
 * object types, which leave out PodDisruptionBudgets and NetworkPolicies.
 */
const REQUESTS_PER_ENTITY = 2;

const CUSTOM_RESOURCES = [
  { group: 'policy', apiVersion: 'v1', plural: 'poddisruptionbudgets' },
  { group: 'networking.k8s.io', apiVersion: 'v1', plural: 'networkpolicies' },
];

// List items from the Kubernetes API carry no kind or apiVersion; the
// kubernetes backend tells the type of each list instead.
const TYPE_KINDS: Record<string, { kind: string; apiVersion: string }> = {
  pods: { kind: 'Pod', apiVersion: 'v1' },
  services: { kind: 'Service', apiVersion: 'v1' },
  configmaps: { kind: 'ConfigMap', apiVersion: 'v1' },
  limitranges: { kind: 'LimitRange', apiVersion: 'v1' },
  resourcequotas: { kind: 'ResourceQuota', apiVersion: 'v1' },
  deployments: { kind: 'Deployment', apiVersion: 'apps/v1' },
  replicasets: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  statefulsets: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  daemonsets: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  horizontalpodautoscalers: {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
  },
  jobs: { kind: 'Job', apiVersion: 'batch/v1' },
  cronjobs: { kind: 'CronJob', apiVersion: 'batch/v1' },
  ingresses: { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1' },
  persistentvolumeclaims: { kind: 'PersistentVolumeClaim', apiVersion: 'v1' },
};

const CUSTOM_API_VERSIONS: Record<string, string> = {
  PodDisruptionBudget: 'policy/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
};

// Types that say nothing about availability and may hold sensitive data.
const IGNORED_TYPES = new Set(['podstatus', 'secrets', 'configmaps']);

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const kubeObjectSchema = z
  .object({
    metadata: z.object({ name: z.string() }).passthrough(),
  })
  .passthrough();

const clusterItemSchema = z.object({
  cluster: z.object({ name: z.string() }).passthrough(),
  resources: z.array(
    z
      .object({ type: z.string(), resources: z.array(z.unknown()) })
      .passthrough(),
  ),
  errors: z.array(z.record(z.string(), z.unknown())).optional(),
});

const responseSchema = z.object({
  items: z.array(z.unknown()),
});

/**
 * A refresh failure that leaves no cluster usable.
 *
 * @public
 */
export class KubernetesSourceError extends Error {
  readonly requests: number;

  constructor(message: string, requests: number) {
    super(message);
    this.name = 'KubernetesSourceError';
    this.requests = requests;
  }
}

type ClusterAccumulator = {
  objects: KubernetesObject[];
  errors: string[];
  kubeRequests: number;
};

function describeFetchError(error: Record<string, unknown>): string {
  if (error.errorType === 'FETCH_ERROR') {
    return `request failed: ${String(error.message ?? 'unknown error')}`;
  }
  const code =
    typeof error.statusCode === 'number' ? error.statusCode : undefined;
  const status = code
    ? `${code} ${STATUS_TEXT[code] ?? ''}`.trim()
    : String(error.errorType ?? 'error');
  const path =
    typeof error.resourcePath === 'string' ? ` on ${error.resourcePath}` : '';
  return `${status}${path}`;
}

function isMetricsError(error: Record<string, unknown>): boolean {
  // Pod metrics are optional (metrics-server may be absent) and unused here.
  return (
    typeof error.resourcePath === 'string' &&
    error.resourcePath.includes('metrics.k8s.io')
  );
}

function withKind(
  type: string,
  item: Record<string, unknown>,
): KubernetesObject | undefined {
  const known = TYPE_KINDS[type];
  const kind = (item.kind as string | undefined) ?? known?.kind;
  if (!kind) {
    return undefined;
  }
  const apiVersion =
    (item.apiVersion as string | undefined) ??
    known?.apiVersion ??
    CUSTOM_API_VERSIONS[kind];
  return { ...item, kind, apiVersion } as KubernetesObject;
}

/**
 * Reads an entity's objects through the Backstage kubernetes backend
 * (`POST /resources/workloads/query` and `POST /resources/custom/query`), so
 * that cluster locators, credentials and permissions stay where they are
 * configured.
 *
 * @public
 */
export class KubernetesBackendObjectsSource implements KubernetesObjectsSource {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Timeout of one request to the kubernetes backend. */
    timeoutMs: number;
  }): KubernetesBackendObjectsSource {
    return new KubernetesBackendObjectsSource(options);
  }

  private constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs: number;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs;
  }

  async getEntityObjects(options: {
    entity: Entity;
    onKubeRequests?: KubeRequestListener;
  }): Promise<EntityObjects> {
    const entityRef = stringifyEntityRef(options.entity);
    const baseUrl = await this.#discovery.getBaseUrl('kubernetes');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });

    const results = await Promise.allSettled([
      this.#post(`${baseUrl}/resources/workloads/query`, token, { entityRef }),
      this.#post(`${baseUrl}/resources/custom/query`, token, {
        entityRef,
        customResources: CUSTOM_RESOURCES,
      }),
    ]);
    const requests = REQUESTS_PER_ENTITY;
    const failures = results.flatMap(r =>
      r.status === 'rejected' ? [String(r.reason?.message ?? r.reason)] : [],
    );
    // Without either half, checks would fail for missing PDBs or workloads
    // that are merely unread: report the failure instead.
    if (failures.length) {
      throw new KubernetesSourceError(failures.join('; '), requests);
    }

    const clusters = new Map<string, ClusterAccumulator>();
    for (const result of results) {
      const items = (result as PromiseFulfilledResult<unknown[]>).value;
      for (const item of items) {
        this.#collect(item, clusters);
      }
    }
    for (const [cluster, acc] of clusters) {
      options.onKubeRequests?.(cluster, acc.kubeRequests);
    }

    return {
      clusters: [...clusters.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([cluster, acc]): ClusterObjects =>
            acc.errors.length
              ? {
                  cluster,
                  status: 'error',
                  message: [...new Set(acc.errors)].join('; '),
                }
              : {
                  cluster,
                  status: 'ok',
                  objects: acc.objects,
                },
        ),
    };
  }

  #collect(item: unknown, clusters: Map<string, ClusterAccumulator>) {
    const parsed = clusterItemSchema.safeParse(item);
    if (!parsed.success) {
      const name = (item as any)?.cluster?.name;
      if (typeof name !== 'string') {
        throw new KubernetesSourceError(
          'the kubernetes backend sent a cluster entry without a name',
          REQUESTS_PER_ENTITY,
        );
      }
      const acc = this.#accumulator(clusters, name);
      acc.errors.push('the cluster sent a malformed response');
      return;
    }
    const { cluster, resources, errors = [] } = parsed.data;
    const acc = this.#accumulator(clusters, cluster.name);
    for (const error of errors) {
      acc.kubeRequests += 1;
      if (!isMetricsError(error)) {
        acc.errors.push(describeFetchError(error));
      }
    }
    for (const response of resources) {
      if (response.type === 'podstatus') {
        continue;
      }
      acc.kubeRequests += 1;
      if (IGNORED_TYPES.has(response.type)) {
        continue;
      }
      for (const resource of response.resources) {
        const object = kubeObjectSchema.safeParse(resource);
        const withType =
          object.success &&
          withKind(response.type, object.data as Record<string, unknown>);
        if (!withType) {
          acc.errors.push(
            `the cluster sent a malformed ${response.type} object`,
          );
          continue;
        }
        acc.objects.push(withType);
      }
    }
  }

  #accumulator(clusters: Map<string, ClusterAccumulator>, name: string) {
    let acc = clusters.get(name);
    if (!acc) {
      acc = { objects: [], errors: [], kubeRequests: 0 };
      clusters.set(name, acc);
    }
    return acc;
  }

  /** The request's timeout can strike while the body is still arriving, too. */
  #timeoutError(): Error {
    return new Error(
      `the kubernetes backend did not answer within ${this.#timeoutMs / 1000}s`,
    );
  }

  async #post(url: string, token: string, body: unknown): Promise<unknown[]> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') {
        throw this.#timeoutError();
      }
      throw new Error(
        `could not reach the kubernetes backend: ${(error as Error).message}`,
      );
    }
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      throw new Error(
        `the kubernetes backend answered ${response.status}: ${
          error.body?.error?.message ?? error.message
        }`,
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') {
        throw this.#timeoutError();
      }
      throw new Error(
        'the kubernetes backend sent a response that is not JSON',
      );
    }
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error('the kubernetes backend sent a malformed response');
    }
    return parsed.data.items;
  }
}
