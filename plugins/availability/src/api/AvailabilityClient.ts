import {
  AvailabilitySummary,
  CheckInfo,
  ChecksResponse,
  ClustersResponse,
  EntityObjectsResponse,
  ExemptionsResponse,
  FailureDomainsResponse,
  EntityReportResponse,
  RefreshStatusResponse,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { AvailabilityApi } from './AvailabilityApi';

/**
 * Options for {@link AvailabilityClient}.
 *
 * @public
 */
export interface AvailabilityClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

/**
 * Talks to the availability backend over HTTP.
 *
 * @public
 */
export class AvailabilityClient implements AvailabilityApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: AvailabilityClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getEntityReport(
    entity: CompoundEntityRef,
  ): Promise<EntityReportResponse> {
    return this.#request(entityPath(entity));
  }

  async refreshEntityReport(
    entity: CompoundEntityRef,
  ): Promise<EntityReportResponse> {
    return this.#request(`${entityPath(entity)}/refresh`, { method: 'POST' });
  }

  async listReports(query: ReportsQuery = {}): Promise<ReportsPage> {
    const search = reportsQueryToSearchParams(query).toString();
    return this.#request(`/reports${search ? `?${search}` : ''}`);
  }

  async getSummary(): Promise<AvailabilitySummary> {
    return this.#request('/summary');
  }

  async getChecks(): Promise<CheckInfo[]> {
    const response = await this.#request<ChecksResponse>('/checks');
    return response.items;
  }

  async listClusters(): Promise<ClustersResponse> {
    return this.#request('/clusters');
  }

  async getFailureDomains(cluster: string): Promise<FailureDomainsResponse> {
    return this.#request(
      `/clusters/${encodeURIComponent(cluster)}/failure-domains`,
    );
  }

  async listExemptions(query: ReportsQuery = {}): Promise<ExemptionsResponse> {
    const search = reportsQueryToSearchParams(query).toString();
    return this.#request(`/exemptions${search ? `?${search}` : ''}`);
  }

  async getEntityObjects(
    entity: CompoundEntityRef,
  ): Promise<EntityObjectsResponse> {
    return this.#request(`${entityPath(entity)}/objects`);
  }

  async getRefreshStatus(): Promise<RefreshStatusResponse> {
    return this.#request('/refresh');
  }

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('availability');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  const parts = [entity.kind, entity.namespace, entity.name].map(part =>
    encodeURIComponent(part),
  );
  return `/entities/${parts.join('/')}`;
}

/**
 * Serialises a reports query the way `GET /reports` reads it: list filters
 * as repeated parameters, empty values left out. The org page keeps its
 * view in the URL the same way.
 *
 * @internal
 */
export function reportsQueryToSearchParams(
  query: ReportsQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  const lists = [
    'entityRef',
    'owner',
    'system',
    'kind',
    'lifecycle',
    'level',
    'failingCheck',
  ] as const;
  for (const key of lists) {
    for (const value of query[key] ?? []) {
      if (value) {
        params.append(key, value);
      }
    }
  }
  if (query.text) {
    params.set('text', query.text);
  }
  if (query.orderBy) {
    params.set('orderBy', query.orderBy);
  }
  if (query.order) {
    params.set('order', query.order);
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  if (query.cursor) {
    params.set('cursor', query.cursor);
  }
  return params;
}
