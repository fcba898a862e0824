/*
 * A full refresh at scale, both sources side by side, through the real
 * kubernetes backend against 3 emulated clusters:
 *   1. 500, 2,000 and 5,000 entities: kube API requests per pass (the
 *      emulator's own count), wall time, and the process's peak memory;
 *   2. the 2,000-entity pass with one cluster hung (cluster-wide source):
 *      wall time and how many entities kept fresh data from the others;
 *   3. sustained load on GET /reports and GET /summary over 10,000 stored
 *      reports, 200 requests/s for 60 s each, from a separate process.
 * Run alone: node -r @backstage/cli/config/nodeTransform.cjs bench/refresh.bench.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  DatabaseService,
  RootLoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { evaluate } from '@availability-backstage/plugin-availability-common';
import availabilityPlugin from '@availability-backstage/plugin-availability-backend';
import {
  DatabaseAvailabilityStore,
  REFRESH_TASK_ID,
} from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import {
  KubeApiEmulator,
  kubernetesConfigFor,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';
import { createRandom } from './lib/corpus';
import {
  generateServiceEntities,
  okStatuses,
  serviceObjects,
  storedEntity,
  writeClusterFixtures,
} from './lib/backendFixtures';
import { round, writeResults } from './lib/results';
import type { BenchRow } from './lib/results';

const SIZES = [500, 2_000, 5_000];
// The per-entity source beyond 500 takes a quarter of an hour and more on
// the shared machine (2,000: 800 s, with request timeouts, at load 19); its
// requests grow linearly with entities (45 per entity on 3 clusters).
const ENTITY_SOURCE_SIZES = [500];
const CLUSTERS = ['prod-eu', 'prod-us', 'staging'];
const HUNG_SIZE = 2_000;
const LOAD_REPORTS = 10_000;
const LOAD_RATE = 200;
const LOAD_SECONDS = 60;
const CLUSTER_TIMEOUT_S = 20;
const QUIET_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { hours: 1 },
  initialDelay: { hours: 24 },
};

const auth = { Authorization: mockCredentials.user.header() };
const log = (message: string) => process.stderr.write(`${message}\n`);

/** Keeps info lines for the suite to read back; prints warnings and errors. */
class RecordingLogger implements RootLoggerService {
  readonly lines: string[];
  readonly #warnings: { count: number };
  constructor(lines: string[] = [], warnings = { count: 0 }) {
    this.lines = lines;
    this.#warnings = warnings;
  }
  child() {
    return new RecordingLogger(this.lines, this.#warnings);
  }
  info(message: string) {
    this.lines.push(message);
  }
  debug() {}
  warn(message: string) {
    // Thousands of per-entity warnings during the hung pass: count, print few.
    this.#warnings.count += 1;
    if (this.#warnings.count <= 3) log(`  warn ${message}`);
  }
  error(message: string, meta?: unknown) {
    log(`  error ${message} ${meta ? String(meta) : ''}`);
  }
}

function toEntity(e: ReturnType<typeof generateServiceEntities>[number]) {
  return {
    ...e.entity,
    metadata: { ...e.entity.metadata, namespace: 'default' },
  } as Entity;
}

async function startBackend(options: {
  emulator: KubeApiEmulator;
  entities: Entity[];
  source: 'cluster' | 'entity';
}) {
  const logger = new RecordingLogger();
  const services: { scheduler?: SchedulerService; database?: DatabaseService } =
    {};
  const probe = createBackendModule({
    pluginId: 'availability',
    moduleId: 'bench-probe',
    register(env) {
      env.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          database: coreServices.database,
        },
        async init(deps) {
          Object.assign(services, deps);
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      availabilityPlugin,
      probe,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: kubernetesConfigFor(options.emulator),
          // Default concurrency, cluster timeout and request timeout.
          availability: { source: options.source, schedule: QUIET_SCHEDULE },
        },
      }),
    ],
  });
  const address = (backend.server as any).address() as AddressInfo;
  const base = `http://127.0.0.1:${address.port}`;
  // Loads @kubernetes/client-node (a dynamic import) outside the timings.
  await fetch(`${base}/api/kubernetes/resources/workloads/query`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ entityRef: 'component:default/svc-00000' }),
  });
  return {
    backend,
    base,
    logger,
    scheduler: services.scheduler!,
    database: services.database!,
  };
}

/** One full pass: wall time, the emulator's request count, peak memory. */
async function pass(options: {
  scheduler: SchedulerService;
  emulator: KubeApiEmulator;
  logger: RecordingLogger;
}) {
  const { scheduler, emulator, logger } = options;
  global.gc?.();
  const startCpu = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const before = emulator.requestCount();
  logger.lines.length = 0;
  const start = process.hrtime.bigint();
  await scheduler.triggerTask(REFRESH_TASK_ID);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(startCpu);
  clearInterval(sampler);
  const summary =
    logger.lines.find(l => l.startsWith('Availability refresh ')) ?? '';
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    kube: emulator.requestCount() - before,
    peakRssMb: peakRss / 2 ** 20,
    summary,
  };
}

async function getJson(url: string): Promise<any> {
  const res = await fetch(url, { headers: auth });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}

/** Entities whose report is fresh from this pass, of those on a healthy cluster. */
async function freshFromHealthy(
  base: string,
  entities: Entity[],
  healthy: string[],
  since: number,
) {
  let expected = 0;
  let fresh = 0;
  for (let i = 0; i < entities.length; i += 8) {
    const bodies = await Promise.all(
      entities
        .slice(i, i + 8)
        .map(e =>
          getJson(
            `${base}/api/availability/entities/component/default/${e.metadata.name}`,
          ),
        ),
    );
    for (const body of bodies) {
      const onHealthy = body.clusters.filter((c: any) =>
        healthy.includes(c.cluster),
      );
      if (!onHealthy.length) continue;
      expected += 1;
      const isFresh =
        !body.stale &&
        onHealthy.every(
          (c: any) => c.status === 'ok' && Date.parse(c.lastSuccessAt) >= since,
        );
      if (isFresh) fresh += 1;
    }
  }
  return { expected, fresh };
}

type PassResult = Awaited<ReturnType<typeof pass>>;

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
  const generated = generateServiceEntities({
    count: size,
    owners: 12,
    systems: 30,
    seed: 5,
  });
  const entities = generated.map(toEntity);
  const clustersDir = path.join(tmp, `clusters-${size}`);
  const placements = writeClusterFixtures({
    dir: clustersDir,
    clusters: CLUSTERS,
    services: generated.map(e => e.name),
  });
  const emulator = await startKubeApiEmulator({ clustersDir });
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
          emulator.setFault('prod-us', { timeout: true });
          const since = Date.now();
          const hung = await pass({ ...started, emulator });
          emulator.setFault('prod-us', undefined);
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

/** 10,000 stored reports, then each route at a fixed rate from another process. */
async function measureLoad(tmp: string): Promise<BenchRow[]> {
  log(
    `load: ${LOAD_REPORTS} reports, ${LOAD_RATE} req/s for ${LOAD_SECONDS} s`,
  );
  const emulator = await startKubeApiEmulator({
    clustersDir: path.join(tmp, `clusters-${SIZES[0]}`),
  });
  const started = await startBackend({
    emulator,
    entities: [],
    source: 'cluster',
  });
  const rows: BenchRow[] = [];
  try {
    const store = await DatabaseAvailabilityStore.create({
      database: started.database,
    });
    const random = createRandom(31);
    const generated = generateServiceEntities({
      count: LOAD_REPORTS,
      owners: 40,
      systems: 150,
      seed: 9,
    });
    for (const [i, e] of generated.entries()) {
      const clusters = CLUSTERS.slice(0, random.int(1, CLUSTERS.length));
      const report = evaluate(
        clusters.flatMap(cluster =>
          serviceObjects(random, e.name, 0.3 + random.next() * 0.65).map(
            object => ({ object: object as any, cluster }),
          ),
        ),
        { now: new Date() },
      );
      await store.saveReport({
        entity: storedEntity(e),
        report,
        clusters: okStatuses(clusters),
        refreshedAt: new Date(),
      });
      if ((i + 1) % 2500 === 0) log(`  seeded ${i + 1} reports`);
    }
    const generator = path.join(__dirname, 'lib', 'loadGenerator.mjs');
    for (const [name, route] of [
      ['GET /reports', '/api/availability/reports?limit=20'],
      ['GET /summary', '/api/availability/summary'],
    ] as const) {
      // A separate process, run asynchronously: this one serves the requests.
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [
          generator,
          String(LOAD_RATE),
          String(LOAD_SECONDS),
          auth.Authorization,
          `${started.base}${route}`,
        ]);
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.on('error', reject);
        child.on('close', (code: number) =>
          code === 0
            ? resolve(out)
            : reject(new Error(`generator exit ${code}`)),
        );
      });
      const result = JSON.parse(output);
      const stats = Object.values(result.byUrl)[0] as any;
      log(
        `  ${name}: ${stats.ok} ok, ${stats.errors} errors in ${round(
          result.elapsedS,
          1,
        )} s; p50 ${round(stats.p50)} ms, p95 ${round(
          stats.p95,
        )} ms, p99 ${round(stats.p99)} ms`,
      );
      const loadCase = `${LOAD_REPORTS.toLocaleString(
        'en-US',
      )} reports, ${LOAD_RATE} req/s for ${LOAD_SECONDS} s`;
      rows.push(
        {
          case: loadCase,
          metric: `${name} errors`,
          value: stats.errors,
          unit: `of ${result.sent}`,
          goal: '0',
          met: stats.errors === 0,
        },
        ...(['p50', 'p95', 'p99'] as const).map(p => ({
          case: loadCase,
          metric: `${name} ${p}`,
          value: round(stats[p]),
          unit: 'ms',
        })),
      );
    }
  } finally {
    await started.backend.stop();
    await emulator.close();
  }
  return rows;
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
    rows.push(...(await measureLoad(tmp)));
    writeResults({
      suite: 'refresh',
      title: 'Full refresh at scale: cluster-wide vs per-entity source',
      rows,
      notes: [
        `Method: one process holds the emulated clusters, the real @backstage/plugin-kubernetes-backend (multiTenant) and the availability plugin (startTestBackend, SQLite in memory, the mock catalog service with the generated Components); each source gets its own backend over the same emulator; one pass each, triggered through the mock scheduler, default concurrency (4) and cluster timeout (${CLUSTER_TIMEOUT_S} s). Kube API requests are the emulator's own count, Node lists included. Peak RSS is sampled every 50 ms and covers the whole process (emulator and its objects included), so the plugin's own share is lower. The hung pass holds every request to prod-us (emulator fault timeout: true).`,
        `Sustained load: ${LOAD_REPORTS} reports written through the plugin's store; a separate Node process (bench/lib/loadGenerator.mjs, a fixed-rate open-model generator like autocannon's --overallRate) sends ${LOAD_RATE} requests/s for ${LOAD_SECONDS} s to each route in turn and counts non-200 answers and failures as errors.`,
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

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
