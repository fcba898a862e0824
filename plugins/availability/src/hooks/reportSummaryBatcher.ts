import { EntityReportSummary } from '@availability-backstage/plugin-availability-common';
import { AvailabilityApi } from '../api';

/** The most refs `GET /reports` takes at once. */
const MAX_REFS = 500;

/**
 * How long an answer is reused: a table re-renders its rows several times
 * while its page settles, and each render would otherwise ask again.
 */
const REUSE_MS = 30_000;

type Waiter = {
  resolve: (summary: EntityReportSummary | null) => void;
  reject: (error: unknown) => void;
};

/**
 * Collects the report summaries asked for within one tick (a table page's
 * rows mounting together) and fetches them in one `GET /reports` request;
 * answers are reused for a short while.
 */
class ReportSummaryBatcher {
  readonly #api: AvailabilityApi;
  #pending = new Map<string, Waiter[]>();
  readonly #recent = new Map<
    string,
    { at: number; summary: Promise<EntityReportSummary | null> }
  >();

  constructor(api: AvailabilityApi) {
    this.#api = api;
  }

  /** The summary of the entity's report; null when it has none. */
  load(entityRef: string): Promise<EntityReportSummary | null> {
    const recent = this.#recent.get(entityRef);
    if (recent && Date.now() - recent.at < REUSE_MS) {
      return recent.summary;
    }
    const summary = this.#enqueue(entityRef);
    this.#recent.set(entityRef, { at: Date.now(), summary });
    // A failed request is not reused.
    summary.catch(() => this.#recent.delete(entityRef));
    return summary;
  }

  #enqueue(entityRef: string): Promise<EntityReportSummary | null> {
    return new Promise((resolve, reject) => {
      if (!this.#pending.size) {
        setTimeout(() => this.#flush(), 0);
      }
      const waiters = this.#pending.get(entityRef) ?? [];
      waiters.push({ resolve, reject });
      this.#pending.set(entityRef, waiters);
    });
  }

  async #flush() {
    for (const [ref, { at }] of this.#recent) {
      if (Date.now() - at >= REUSE_MS) this.#recent.delete(ref);
    }
    const batch = this.#pending;
    this.#pending = new Map();
    const refs = [...batch.keys()];
    for (let start = 0; start < refs.length; start += MAX_REFS) {
      const chunk = refs.slice(start, start + MAX_REFS);
      try {
        const page = await this.#api.listReports({
          entityRef: chunk,
          limit: chunk.length,
        });
        const byRef = new Map(page.items.map(item => [item.entityRef, item]));
        for (const ref of chunk) {
          const summary = byRef.get(ref) ?? null;
          batch.get(ref)!.forEach(waiter => waiter.resolve(summary));
        }
      } catch (error) {
        for (const ref of chunk) {
          batch.get(ref)!.forEach(waiter => waiter.reject(error));
        }
      }
    }
  }
}

const batchers = new WeakMap<AvailabilityApi, ReportSummaryBatcher>();

/** The batcher of the given API instance. */
export function reportSummaryBatcher(
  api: AvailabilityApi,
): ReportSummaryBatcher {
  let batcher = batchers.get(api);
  if (!batcher) {
    batcher = new ReportSummaryBatcher(api);
    batchers.set(api, batcher);
  }
  return batcher;
}
