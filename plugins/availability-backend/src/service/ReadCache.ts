import { createHash } from 'node:crypto';
import type { AvailabilityStore } from '../database/AvailabilityStore';

type Entry = { at: number; generation: number; value: Promise<unknown> };

const MAX_ENTRIES = 500;

/**
 * Answers of the list and aggregate routes (`/reports`, `/summary`,
 * `/facets`, `/clusters`, a cluster's failure domains, `/exemptions`),
 * reused for a few seconds. An org page is opened by many people
 * and asks the same questions; over ten thousand reports each answer costs
 * several queries, and filtering them by what the caller may see costs as
 * much again. Keys hold a digest of the caller's visible set, so callers who
 * may see the same entities share answers and no caller gets another's.
 * Writes through this backend clear it; another replica's writes show after
 * at most the TTL, as a change of catalog permissions already does.
 */
export class ReadCache {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #digests = new WeakMap<ReadonlySet<string>, string>();
  #generation = 0;

  constructor(options: { ttlMs: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  /** A short, stable name for a visible set; computed once per set. */
  visibilityKey(refs: ReadonlySet<string> | undefined): string {
    if (!refs) return 'all';
    let digest = this.#digests.get(refs);
    if (!digest) {
      digest = createHash('sha256')
        .update([...refs].sort().join('\n'))
        .digest('base64url');
      this.#digests.set(refs, digest);
    }
    return digest;
  }

  /** The cached answer for `key`, or `compute`'s, shared by concurrent callers. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.#ttlMs <= 0) {
      return compute();
    }
    const now = this.#now();
    const cached = this.#entries.get(key);
    if (
      cached &&
      cached.generation === this.#generation &&
      now - cached.at < this.#ttlMs
    ) {
      return cached.value as Promise<T>;
    }
    const value = compute();
    const entry = { at: now, generation: this.#generation, value };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    // A failed answer is not kept.
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_ENTRIES) break;
      this.#entries.delete(oldest);
    }
    return value;
  }

  /** Forgets every answer: the reports changed. */
  clear() {
    this.#generation += 1;
    this.#entries.clear();
  }
}

const WRITES: ReadonlySet<PropertyKey> = new Set<keyof AvailabilityStore>([
  'saveReport',
  'saveFailure',
  'deleteEntities',
  'saveClusterNodes',
]);

/**
 * The store, clearing the cache after each write of reports or Node lists
 * through it: the
 * refresher and the runner write through this, whatever they call.
 */
export function clearingOnWrites(
  store: AvailabilityStore,
  cache: ReadCache,
): AvailabilityStore {
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (!WRITES.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } finally {
          cache.clear();
        }
      };
    },
  });
}
