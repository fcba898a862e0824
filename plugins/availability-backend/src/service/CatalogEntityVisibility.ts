import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ANNOTATIONS } from './KubernetesObjectsSource';

/** Only what a ref is made of: the catalog sends nothing else. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
const PAGE_SIZE = 1000;
/** How long a caller's visible set is reused by default. */
export const DEFAULT_VISIBILITY_TTL_MS = 10_000;
/** A set of 10,000 refs is about a megabyte: keep a bounded number. */
const MAX_PRINCIPALS = 100;

/**
 * Options of {@link CatalogEntityVisibility.create}.
 *
 * @public
 */
export interface CatalogEntityVisibilityOptions {
  catalog: CatalogService;
  /** How long a caller's visible set is reused; default 10 seconds, 0 never. */
  ttlMs?: number;
  now?: () => number;
}

type CacheEntry = { at: number; refs: Promise<ReadonlySet<string>> };

function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return `user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  // Anything else is not cached: it could not be told apart from another.
  return undefined;
}

/**
 * What the catalog lets a caller read, asked with the caller's own
 * credentials so that the catalog's permission policy (`catalog.entity.read`,
 * conditional decisions included) decides. Reports follow it: an entity the
 * catalog hides has no report for that caller, and stays out of lists,
 * totals and rollups.
 *
 * @public
 */
export class CatalogEntityVisibility {
  readonly #catalog: CatalogService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, CacheEntry>();

  static create(options: CatalogEntityVisibilityOptions) {
    return new CatalogEntityVisibility(options);
  }

  private constructor(options: CatalogEntityVisibilityOptions) {
    this.#catalog = options.catalog;
    this.#ttlMs = options.ttlMs ?? DEFAULT_VISIBILITY_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The lower-cased refs of the entities with Kubernetes annotations (the
   * only ones that have reports) that the caller may read. Reused for a
   * short while per principal, and shared by concurrent requests.
   */
  async visibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<ReadonlySet<string>> {
    const key = principalKey(credentials);
    if (key === undefined || this.#ttlMs <= 0) {
      return this.#fetchVisible(credentials);
    }
    const now = this.#now();
    const cached = this.#cache.get(key);
    if (cached && now - cached.at < this.#ttlMs) {
      return cached.refs;
    }
    const refs = this.#fetchVisible(credentials);
    this.#cache.delete(key);
    this.#cache.set(key, { at: now, refs });
    // A failed fetch is not kept: the next request asks again.
    refs.catch(() => {
      if (this.#cache.get(key)?.refs === refs) {
        this.#cache.delete(key);
      }
    });
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= MAX_PRINCIPALS) break;
      this.#cache.delete(oldest);
    }
    return refs;
  }

  /** Whether the caller may read this one entity. */
  async canReadEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: REF_FIELDS },
      { credentials },
    );
    return Boolean(items[0]);
  }

  async #fetchVisible(
    credentials: BackstageCredentials,
  ): Promise<ReadonlySet<string>> {
    const refs = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.#catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields: REF_FIELDS }
          : {
              filter: KUBERNETES_ANNOTATIONS.map(annotation => ({
                [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
              })),
              fields: REF_FIELDS,
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      for (const entity of page.items) {
        refs.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return refs;
  }
}
