/*
 * What every client generated from an OpenAPI spec shares (see
 * scripts/openapi/client.js): the generated `DefaultApiClient` extends
 * `OpenApiClient` and builds each request with `expand` and `toSearch`.
 */

/** A fetch Response whose `json()` is typed by the spec. */
export type TypedResponse<T> = Omit<Response, 'json'> & {
  json: () => Promise<T>;
};

/** How a generated client finds and calls its backend. */
export interface OpenApiClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
}

/** A path template of the spec with its parameters filled in, each escaped. */
export function expand(
  template: string,
  parameters: Record<string, string>,
): string {
  return template.replace(/\{([^}]+)\}/g, (_, name) =>
    encodeURIComponent(parameters[name]),
  );
}

/**
 * Query parameters as the spec's form style reads them, in the spec's order
 * (`names`): lists repeated, empty values left out.
 */
export function toSearch(
  query: Record<string, unknown>,
  names: readonly string[],
): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = query[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') {
        params.append(name, String(item));
      }
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Sends a generated client's requests to its plugin's base URL. */
export class OpenApiClient {
  readonly #pluginId: string;
  readonly #discoveryApi: OpenApiClientOptions['discoveryApi'];
  readonly #fetchApi: NonNullable<OpenApiClientOptions['fetchApi']>;

  constructor(pluginId: string, options: OpenApiClientOptions) {
    this.#pluginId = pluginId;
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch };
  }

  protected async fetch(uri: string, init: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(this.#pluginId);
    return this.#fetchApi.fetch(`${baseUrl}${uri}`, init);
  }
}
