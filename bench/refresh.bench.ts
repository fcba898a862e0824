/*
 * A full refresh at scale, both sources side by side, through the real
 * kubernetes backend against 3 emulated clusters (the emulator in its own
 * process, as clusters are outside the backend):
 *   1. 500, 2,000 and 5,000 entities: kube API requests per pass (the
 *      emulator's own count), wall time, and the backend's peak memory;
 *   2. the 2,000-entity pass with one cluster hung (cluster-wide source):
 *      wall time and how many entities kept fresh data from the others;
 *   3. sustained load on GET /reports and GET /summary over 10,000 stored
 *      reports, 200 requests/s for 60 s each, from a separate process.
 * Run alone: node -r @backstage/cli/config/nodeTransform.cjs bench/refresh.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulatorProcess } from './lib/emulatorProcess';
import { refreshEntities, writeClusterFixtures } from './lib/backendFixtures';
import { round, writeResults } from './lib/results';
import type { BenchRow } from './lib/results';
import { CLUSTERS, log } from './lib/benchBackend';
import {
  freshFromHealthy,
  pass,
  PassResult,
  startBackend,
  toEntity,
} from './refresh/backend';
import {
  LOAD_RATE,
  LOAD_REPORTS,
  LOAD_SECONDS,
  measureLoad,
} from './refresh/load';

const SIZES = [500, 2_000, 5_000];
// The per-entity source at 5,000 would take several minutes more; its
// requests grow linearly with entities (45 per entity on 3 clusters), as
// 500 and 2,000 show.
const ENTITY_SOURCE_SIZES = [500, 2_000];
const HUNG_SIZE = 2_000;
const CLUSTER_TIMEOUT_S = 20;

/** The rows of one size: requests, wall and CPU time, memory, both sources. */
function rowsFor(
  size: number,
  caseName: string,
  cluster: PassResult,
  entity: PassResult | undefined,
  versus: (value: number) => { name: string; value: number } | undefined,
): BenchRow[] {
  const compared = (value: number, theirs: number | undefined) => {
    const baseline = theirs === undefined ? undefined : versus(theirs);
    return baseline
      ? { baseline, ratio: round(value / baseline.value, 3) }
      : {};
  };
  return [
    {
      case: caseName,
      metric: 'kube API requests per pass, cluster-wide source',
      value: cluster.kube,
      unit: 'requests',
      ...compared(cluster.kube, entity?.kube),
      ...(entity && {
        goal: 'at least 50x fewer than the per-entity source',
        met: entity.kube / cluster.kube >= 50,
      }),
    },
    {
      case: caseName,
      metric: 'pass wall time, cluster-wide source',
      value: round(cluster.ms),
      unit: 'ms',
      ...compared(cluster.ms, entity?.ms),
      ...(size === 2_000 && {
        goal: '< 60,000 ms',
        met: cluster.ms < 60_000,
      }),
    },
    {
      case: caseName,
      metric: 'pass CPU time of the process, cluster-wide source',
      value: round(cluster.cpuMs),
      unit: 'ms',
      ...compared(cluster.cpuMs, entity?.cpuMs),
    },
    {
      case: caseName,
      metric: 'peak RSS of the process during the pass, cluster-wide source',
      value: round(cluster.peakRssMb),
      unit: 'MiB',
      ...compared(cluster.peakRssMb, entity?.peakRssMb),
      ...(size === 5_000 && {
        goal: '< 1,024 MiB',
        met: cluster.peakRssMb < 1024,
      }),
    },
  ];
}

async function measureSize(tmp: string, size: number) {
  log(`refresh: ${size} entities over ${CLUSTERS.length} clusters`);
  const generated = refreshEntities(size);
  const entities = generated.map(toEntity);
  const clustersDir = path.join(tmp, `clusters-${size}`);
  const placements = writeClusterFixtures({
    dir: clustersDir,
    clusters: CLUSTERS,
    services: generated.map(e => e.name),
  });
  const emulator = await startEmulatorProcess(clustersDir, CLUSTERS.length);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const caseName = `${size.toLocaleString('en-US')} entities, ${
    CLUSTERS.length
  } clusters`;
  const results: { cluster?: PassResult; entity?: PassResult } = {};
  try {
    const sources = ENTITY_SOURCE_SIZES.includes(size)
      ? (['cluster', 'entity'] as const)
      : (['cluster'] as const);
    for (const source of sources) {
      const started = await startBackend({ emulator, entities, source });
      try {
        const result = await pass({ ...started, emulator });
        if (!/ succeeded: .* 0 failed/.test(result.summary)) {
          throw new Error(`${source} pass did not succeed: ${result.summary}`);
        }
        results[source] = result;
        log(
          `  ${source}: ${round(result.ms, 0)} ms, ${
            result.kube
          } kube requests, peak RSS ${round(result.peakRssMb, 0)} MiB`,
        );
        if (source === 'cluster' && size === HUNG_SIZE) {
          await emulator.setFault('prod-us', { timeout: true });
          const since = Date.now();
          const hung = await pass({ ...started, emulator });
          await emulator.setFault('prod-us', undefined);
          const { expected, fresh } = await freshFromHealthy(
            started.base,
            entities,
            ['prod-eu', 'staging'],
            since,
          );
          log(
            `  cluster, prod-us hung: ${round(
              hung.ms,
              0,
            )} ms; ${fresh}/${expected} entities fresh from the healthy clusters`,
          );
          const hungCase = `${caseName}, prod-us hung`;
          rows.push(
            {
              case: hungCase,
              metric: 'cluster-wide pass wall time',
              value: round(hung.ms),
              unit: 'ms',
              baseline: {
                name: 'the healthy pass',
                value: round(result.ms),
              },
              ratio: round(hung.ms / result.ms),
              goal: `within the cluster timeout (${CLUSTER_TIMEOUT_S} s) of the healthy pass`,
              met: hung.ms <= result.ms + CLUSTER_TIMEOUT_S * 1000,
            },
            {
              case: hungCase,
              metric:
                'entities on a healthy cluster whose report is fresh from it',
              value: fresh,
              unit: `of ${expected}`,
              goal: 'all',
              met: fresh === expected,
            },
          );
        }
      } finally {
        await started.backend.stop();
      }
    }
  } finally {
    await emulator.close();
  }
  const { entity } = results;
  const cluster = results.cluster!;
  const versus = (value: number) =>
    entity ? { name: 'per-entity source', value: round(value) } : undefined;
  const sized = rowsFor(size, caseName, cluster, entity, versus);
  rows.unshift(...sized);
  notes.push(
    `${caseName}: services per cluster ${Object.entries(placements)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}; last log lines: cluster-wide "${cluster.summary}"${
      entity ? `, per-entity "${entity.summary}"` : ''
    }.`,
  );
  return { rows, notes };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-refresh-'));
  const load = () =>
    os
      .loadavg()
      .map(l => l.toFixed(1))
      .join('/');
  try {
    const loadBefore = load();
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    for (const size of SIZES) {
      const measured = await measureSize(tmp, size);
      rows.push(...measured.rows);
      notes.push(...measured.notes);
    }
    rows.push(...(await measureLoad(path.join(tmp, `clusters-${SIZES[0]}`))));
    writeResults({
      suite: 'refresh',
      title: 'Full refresh at scale: cluster-wide vs per-entity source',
      rows,
      notes: [
        `Method: one process holds the real @backstage/plugin-kubernetes-backend (multiTenant) and the availability plugin (startTestBackend, SQLite in memory, the mock catalog service with the generated Components); each source gets its own backend over the same emulator; one pass each, triggered through the mock scheduler, default concurrency (4) and cluster timeout (${CLUSTER_TIMEOUT_S} s). Kube API requests are the emulator's own count, Node lists included. The emulated clusters run in a process of their own (the demo-cluster CLI), so the peak RSS, sampled every 50 ms, is the backend's: the kubernetes backend, the availability plugin, the mock catalog and SQLite. The hung pass holds every request to prod-us (emulator fault timeout: true).`,
        `Sustained load: ${LOAD_REPORTS} reports written through the plugin's store, their Components in the catalog (every report visible to the caller, so each request also resolves the caller's catalog visibility, cached 10 s); a separate Node process (bench/lib/loadGenerator.mjs, a fixed-rate open-model generator like autocannon's --overallRate) sends ${LOAD_RATE} requests/s for ${LOAD_SECONDS} s to each route in turn, cycling through 20 views of it (the whole org and 19 teams' filters, as the org page asks them) as one signed-in user, and counts non-200 answers and failures as errors. The plugin reuses each answer for 10 s per visible set and query (callers who may see the same entities share them), so most requests of a view are answered from that cache and one per view and 10 s is computed.`,
        ...notes,
        `Machine load average (1/5/15 min): ${loadBefore} at the start, ${load()} at the end (${
          os.cpus().length
        } CPUs, shared).`,
      ],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Exits when done: sockets of the stopped backends' HTTP agents would keep
// the process alive after the results are written.
main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
