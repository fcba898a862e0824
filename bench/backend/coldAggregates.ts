import { CLUSTERS, getJson, log } from '../lib/benchBackend';
import { Latency, measureGets } from '../lib/httpLatency';

/** How long the plugin reuses an answer. */
const ANSWER_TTL_MS = 10_000;
export const COLD_ROUNDS = 8;
/** The cluster whose failure domains are asked: a third of the entities run there. */
export const LAST_CLUSTER = CLUSTERS[CLUSTERS.length - 1];

/**
 * The org page's aggregates answered cold, beside the catalog's by-query
 * (`catalog`) for the same users. Their answers are shared by every caller
 * allowed everything, so a new user alone would be answered from the
 * cache: each round first waits for the last answers to lapse.
 */
export async function measureColdAggregates(options: {
  av: string;
  catalog: string;
  headers: (round: number) => Record<string, string>;
}) {
  const { av } = options;
  const routes = {
    '/clusters': `${av}/clusters`,
    '/exemptions': `${av}/exemptions`,
    [`/clusters/${LAST_CLUSTER}/failure-domains`]: `${av}/clusters/${LAST_CLUSTER}/failure-domains`,
  };
  log(`  timing the aggregates cold, ${COLD_ROUNDS} rounds`);
  const latency: Record<string, Latency> = await measureGets(
    { ...routes, catalog: options.catalog },
    {
      headers: options.headers,
      warmup: 1,
      runs: COLD_ROUNDS,
      pauseMs: ANSWER_TTL_MS + 250,
    },
  );
  const ledger = await getJson(routes['/exemptions']);
  return {
    routes: Object.keys(routes).map(route => ({
      route,
      latency: latency[route],
    })),
    catalog: latency.catalog,
    note: `The org page's aggregates cold: each of ${COLD_ROUNDS} rounds waits ${ANSWER_TTL_MS} ms and more, so that no answer is reused, then asks /clusters, /exemptions (${ledger.items.length} exemptions among the seeded reports) and the failure domains of ${LAST_CLUSTER} (a third of the entities run there) as a new user allowed every entity; no goal.`,
  };
}
