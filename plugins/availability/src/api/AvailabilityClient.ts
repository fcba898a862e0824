import {
  AvailabilityFacets,
  AvailabilitySummary,
  CheckInfo,
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
import {
  DefaultApiClient,
  queryParameters,
  TypedResponse,
} from '../schema/openapi';
import { toSearch } from '../schema/openapi/runtime';
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
 * The requests go through the client generated from the backend's OpenAPI
 * spec, whose response models are the common package's types (generating it
 * fails while a schema describes another type than the one it names): a
 * route, parameter or response the spec changes incompatibly breaks this
 * file's compile.
 *
 * @public
 */
export class AvailabilityClient implements AvailabilityApi {
  readonly #api: DefaultApiClient;

  constructor(options: AvailabilityClientOptions) {
    this.#api = new DefaultApiClient(options);
  }

  async getEntityReport(
    entity: CompoundEntityRef,
  ): Promise<EntityReportResponse> {
    return json(this.#api.getEntityReport({ path: entity }));
  }

  async refreshEntityReport(
    entity: CompoundEntityRef,
  ): Promise<EntityReportResponse> {
    return json(this.#api.refreshEntity({ path: entity }));
  }

  async listReports(query: ReportsQuery = {}): Promise<ReportsPage> {
    return json(this.#api.listReports({ query }));
  }

  async getSummary(filter: ReportsQuery = {}): Promise<AvailabilitySummary> {
    return json(this.#api.getSummary({ query: filtersOf(filter) }));
  }

  async getFacets(filter: ReportsQuery = {}): Promise<AvailabilityFacets> {
    return json(this.#api.getFacets({ query: filtersOf(filter) }));
  }

  async getChecks(): Promise<CheckInfo[]> {
    const response = await json(this.#api.listChecks());
    return response.items;
  }

  async listClusters(): Promise<ClustersResponse> {
    return json(this.#api.listClusters());
  }

  async getFailureDomains(cluster: string): Promise<FailureDomainsResponse> {
    return json(this.#api.getFailureDomains({ path: { cluster } }));
  }

  async listExemptions(query: ReportsQuery = {}): Promise<ExemptionsResponse> {
    return json(this.#api.listExemptions({ query }));
  }

  async getEntityObjects(
    entity: CompoundEntityRef,
  ): Promise<EntityObjectsResponse> {
    return json(this.#api.getEntityObjects({ path: entity }));
  }

  async getRefreshStatus(): Promise<RefreshStatusResponse> {
    return json(this.#api.getRefreshStatus());
  }
}

async function json<T>(request: Promise<TypedResponse<T>>): Promise<T> {
  const response = await request;
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as Response);
  }
  return response.json();
}

/** The filters of a query, without its sort and paging. */
function filtersOf(query: ReportsQuery): ReportsQuery {
  const { orderBy, order, limit, cursor, ...filter } = query;
  return filter;
}

/**
 * Serialises a reports query the way `GET /reports` reads it (as the
 * generated client sends it): list filters as repeated parameters, empty
 * values left out. The org page keeps its view in the URL the same way.
 *
 * @internal
 */
export function reportsQueryToSearchParams(
  query: ReportsQuery,
): URLSearchParams {
  return new URLSearchParams(toSearch({ ...query }, queryParameters));
}
