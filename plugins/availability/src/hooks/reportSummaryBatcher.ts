import { EntityReportSummary } from '@availability-backstage/plugin-availability-common';
import { AvailabilityApi } from '../api';

/** The most refs `GET /reports` takes at once. */
const MAX_REFS = 500;

type Waiter = {
  resolve: (summary: EntityReportSummary | null) => void;
  reject: (error: unknown) => void;
};

/**
 * Collects the report summaries asked for within one tick (a table page's
 * rows mounting together) and fetches them in one `GET /reports` request.
 */
class ReportSummaryBatcher {
  readonly #api: AvailabilityApi;
  #pending = new Map<string, Waiter[]>();

  constructor(api: AvailabilityApi) {
    this.#api = api;
  }

  /** The summary of the entity's report; null when it has none. */
  load(entityRef: string): Promise<EntityReportSummary | null> {
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
