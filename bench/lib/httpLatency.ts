import { median } from './results';

/** Latency percentiles of one endpoint, in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  runs: number;
}

/** The nearest-rank percentile `p` (0-100) of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

/**
 * Sends `warmup` untimed and then `runs` timed GET requests, one at a time,
 * each read to the end of its body; fails on any status but 200. Several
 * endpoints given together are measured interleaved (a, b, a, b, ...), so
 * that background work in the process weighs on each the same. No forced
 * GC between requests: pauses a real server has stay in the p95.
 */
export async function measureGets(
  urls: Record<string, string>,
  options: {
    /**
     * Fixed headers, or headers per round (e.g. a new user each time) and
     * URL name (a service token names the plugin it is for).
     */
    headers:
      | Record<string, string>
      | ((round: number, name: string) => Record<string, string>);
    warmup?: number;
    runs?: number;
    /** Waits this long before each round, e.g. until cached answers lapse. */
    pauseMs?: number;
  },
): Promise<Record<string, Latency>> {
  const { warmup = 10, runs = 50, pauseMs = 0 } = options;
  const names = Object.keys(urls);
  const samples = new Map<string, number[]>(names.map(n => [n, []]));
  for (let i = 0; i < warmup + runs; i++) {
    if (pauseMs > 0) {
      await new Promise(resolve => setTimeout(resolve, pauseMs));
    }
    for (const name of names) {
      const headers =
        typeof options.headers === 'function'
          ? options.headers(i, name)
          : options.headers;
      const start = process.hrtime.bigint();
      const res = await fetch(urls[name], { headers });
      const body = await res.text();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (res.status !== 200) {
        throw new Error(
          `GET ${urls[name]} answered ${res.status}: ${body.slice(0, 300)}`,
        );
      }
      if (i >= warmup) {
        samples.get(name)!.push(ms);
      }
    }
  }
  return Object.fromEntries(
    names.map(name => {
      const values = samples.get(name)!;
      return [
        name,
        {
          p50: median(values),
          p95: percentile(values, 95),
          runs: values.length,
        },
      ];
    }),
  );
}
