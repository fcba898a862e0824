import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ENTITY_REF_FIELDS,
  queryAllPages,
} from '@availability-backstage/plugin-availability-common';
import { ANNOTATED_ENTITIES_FILTER } from './annotatedEntitiesFilter';

const PAGE_SIZE = 1000;
/** How long a caller's visible set is reused by default. */
export const DEFAULT_VISIBILITY_TTL_MS = 10_000;
/** A set of 10,000 refs is about a megabyte: keep a bounded number. */
const MAX_PRINCIPALS = 100;

/**
 * The entities a caller may read: every one, or those whose lower-cased refs
 * are listed.
 *
 * @public
 */
export type VisibleEntities = { all: true } | { refs: ReadonlySet<string> };

const ALL: VisibleEntities = Object.freeze({ all: true });
const NONE: VisibleEntities = Object.freeze({
  refs: new Set<string>() as ReadonlySet<string>,
});

/**
 * What the caller's `catalog.entity.read` decision leaves to do: nothing
 * when it allows or denies every entity; ask the catalog, which applies the
 * conditions, when it is conditional or was not made here.
 */
type Access = 'all' | 'none' | 'catalog';

/**
 * Options of {@link CatalogEntityVisibility.create}.
 *
 * @public
 */
export interface CatalogEntityVisibilityOptions {
  catalog: CatalogService;
  /**
   * Asked for the caller's `catalog.entity.read` decision before the
   * catalog is; without it the catalog is asked every time.
   */
  permissions?: PermissionsService;
  /**
   * With `permissions`, lets a service's decision be made here too: the
   * catalog sees a service's calls as this plugin's own.
   */
  auth?: AuthService;
  /** How long a caller's visible set is reused; default 10 seconds, 0 never. */
  ttlMs?: number;
  now?: () => number;
}

type CacheEntry = {
  at: number;
  access: Promise<Access>;
  /** The catalog's answer, once `access` left it to the catalog. */
  refs?: Promise<ReadonlySet<string>>;
};

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

function principalType(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { type?: string }).type;
}

/**
 * What the catalog lets a caller read, decided as the catalog decides it:
 * the caller's `catalog.entity.read` decision first (an allow shows every
 * report, a deny none, without asking the catalog), and for a conditional
 * decision the catalog asked with the caller's own credentials, so that it
 * applies the conditions. Reports follow it: an entity the catalog hides
 * has no report for that caller, and stays out of lists, totals and
 * rollups.
 *
 * A service reaches the catalog with this plugin's credentials, not its
 * own, once its token may be passed on to the catalog: its decision is the
 * one the permission service makes for this plugin (immediate for a
 * service principal). The catalog is asked when a service's token may not
 * be passed on (the catalog then refuses it as it always did), and when
 * the permission service gives no decision (it fails, or knows no such
 * call).
 *
 * @public
 */
export class CatalogEntityVisibility {
  readonly #catalog: CatalogService;
  readonly #permissions?: PermissionsService;
  readonly #auth?: AuthService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, CacheEntry>();

  static create(options: CatalogEntityVisibilityOptions) {
    return new CatalogEntityVisibility(options);
  }

  private constructor(options: CatalogEntityVisibilityOptions) {
    this.#catalog = options.catalog;
    this.#permissions = options.permissions;
    this.#auth = options.auth;
    this.#ttlMs = options.ttlMs ?? DEFAULT_VISIBILITY_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The entities with Kubernetes annotations (the only ones that have
   * reports) that the caller may read. Reused for a short while per
   * principal, and shared by concurrent requests.
   */
  async visibleEntities(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntities> {
    const entry = this.#entry(credentials);
    const access = await entry.access;
    if (access === 'all') return ALL;
    if (access === 'none') return NONE;
    if (!entry.refs) {
      const refs = this.#fetchVisible(credentials);
      entry.refs = refs;
      // A failed fetch is not kept: the next request asks again.
      refs.catch(() => {
        if (entry.refs === refs) entry.refs = undefined;
      });
    }
    return { refs: await entry.refs };
  }

  /**
   * Whether the caller may read this one entity. With `hasReport`, an
   * allow decision answers alone; otherwise the catalog is asked, so that
   * a ref it does not know is not found.
   */
  async canReadEntity(
    entityRef: string,
    credentials: BackstageCredentials,
    options?: { hasReport?: boolean },
  ): Promise<boolean> {
    const access = await this.#entry(credentials).access;
    if (access === 'none') return false;
    if (access === 'all' && options?.hasReport) return true;
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: [...ENTITY_REF_FIELDS] },
      { credentials },
    );
    return Boolean(items[0]);
  }

  /** The principal's cached entry, or a new one (kept when it can be). */
  #entry(credentials: BackstageCredentials): CacheEntry {
    const key = principalKey(credentials);
    const now = this.#now();
    const cacheable = key !== undefined && this.#ttlMs > 0;
    if (cacheable) {
      const cached = this.#cache.get(key);
      if (cached && now - cached.at < this.#ttlMs) return cached;
    }
    const entry: CacheEntry = { at: now, access: this.#access(credentials) };
    if (!cacheable) return entry;
    this.#cache.delete(key);
    this.#cache.set(key, entry);
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= MAX_PRINCIPALS) break;
      this.#cache.delete(oldest);
    }
    return entry;
  }

  async #access(credentials: BackstageCredentials): Promise<Access> {
    if (!this.#permissions) return 'catalog';
    const deciding = await this.#decidingCredentials(credentials);
    if (!deciding) return 'catalog';
    let result: AuthorizeResult | undefined;
    try {
      const decisions = await this.#permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials: deciding },
      );
      result = decisions?.[0]?.result;
    } catch {
      // Left to the catalog, which asks the same service and reports its
      // failures; it never shows more than the catalog itself would.
    }
    if (result === AuthorizeResult.ALLOW) return 'all';
    if (result === AuthorizeResult.DENY) return 'none';
    return 'catalog';
  }

  /**
   * Whose `catalog.entity.read` decision the catalog would apply to the
   * caller: a user's own; this plugin's for a service whose token the auth
   * service lets this plugin pass on to the catalog; none otherwise.
   */
  async #decidingCredentials(
    credentials: BackstageCredentials,
  ): Promise<BackstageCredentials | undefined> {
    const type = principalType(credentials);
    if (type === 'user') return credentials;
    if (type !== 'service' || !this.#auth) return undefined;
    try {
      // Throws where the catalog client would: a token restricted away
      // from the catalog.
      await this.#auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: 'catalog',
      });
      return await this.#auth.getOwnServiceCredentials();
    } catch {
      return undefined;
    }
  }

  async #fetchVisible(
    credentials: BackstageCredentials,
  ): Promise<ReadonlySet<string>> {
    const entities = await queryAllPages(
      request => this.#catalog.queryEntities(request, { credentials }),
      {
        filter: ANNOTATED_ENTITIES_FILTER,
        fields: ENTITY_REF_FIELDS,
        limit: PAGE_SIZE,
      },
    );
    return new Set(
      entities.map(entity =>
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      ),
    );
  }
}
