import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured figure of a suite. */
export interface BenchRow {
  case: string;
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared with, in the same unit. */
  baseline?: { name: string; value: number };
  /** value / baseline.value (or the suite's own ratio, explained in `goal`). */
  ratio?: number;
  /** The target, in words, e.g. "ratio <= 0.5". */
  goal?: string;
  /** Whether the goal is met; absent when the row has no goal. */
  met?: boolean;
}

/** What every `bench/results/<suite>.json` holds. */
export interface BenchResults {
  suite: string;
  title: string;
  date: string;
  machine: { cpus: number; node: string };
  rows: BenchRow[];
  /** Short notes rendered under the suite's table: method, caveats. */
  notes?: string[];
}

export const RESULTS_DIR = path.resolve(__dirname, '../results');

export function machine(): BenchResults['machine'] {
  return { cpus: os.cpus().length, node: process.version };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Which clock a measurement reads: `cpu` is the process's user + system CPU
 * time, which other processes on a shared machine barely disturb; `wall`
 * is elapsed time.
 */
export type Clock = 'cpu' | 'wall';

function now(clock: Clock): number {
  if (clock === 'wall') {
    return Number(process.hrtime.bigint()) / 1e6;
  }
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Times `fn` in milliseconds: `warmup` untimed calls (JIT, caches), then the
 * median of `runs` timed calls. No forced GC between runs: a full GC
 * leaves concurrent sweeping (and colder code) behind that lands in the next
 * timed run and tripled small runs in trials; GC caused by the code under
 * test is part of its cost.
 */
export function timeMedian(
  fn: () => unknown,
  options: { warmup?: number; runs?: number; clock?: Clock } = {},
): number {
  const { warmup = 2, runs = 7, clock = 'wall' } = options;
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now(clock);
    fn();
    times.push(now(clock) - start);
  }
  return median(times);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A row comparing `value` with a baseline, goal `ratio <= max`. */
export function ratioRow(options: {
  case: string;
  metric: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  maxRatio?: number;
}): BenchRow {
  const ratio = options.value / options.baseline.value;
  const row: BenchRow = {
    case: options.case,
    metric: options.metric,
    value: round(options.value),
    unit: options.unit,
    baseline: {
      name: options.baseline.name,
      value: round(options.baseline.value),
    },
    ratio: round(ratio),
  };
  if (options.maxRatio !== undefined) {
    row.goal = `ratio <= ${options.maxRatio}`;
    row.met = ratio <= options.maxRatio;
  }
  return row;
}

/** Writes `bench/results/<suite>.json` and prints the rows. */
export function writeResults(
  results: Omit<BenchResults, 'date' | 'machine'>,
): BenchResults {
  const full: BenchResults = {
    suite: results.suite,
    title: results.title,
    date: new Date().toISOString(),
    machine: machine(),
    rows: results.rows,
    ...(results.notes ? { notes: results.notes } : {}),
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${results.suite}.json`);
  fs.writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  for (const row of full.rows) {
    const compared = row.baseline
      ? ` vs ${row.baseline.name} ${row.baseline.value} ${row.unit} (${row.ratio}x)`
      : '';
    const goal = row.goal
      ? ` [${row.goal}: ${row.met ? 'met' : 'MISSED'}]`
      : '';
    process.stderr.write(
      `${full.suite} | ${row.case} | ${row.metric}: ${row.value} ${row.unit}${compared}${goal}\n`,
    );
  }
  process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  return full;
}
