/*
 * The availability backend in a real Backstage backend process beside the
 * real catalog backend:
 *   1. reads (GET /reports, GET /summary) over 10,000 stored reports, side by
 *      side with the catalog's by-query and entity-facets over 10,000
 *      entities in the same process;
 *   2. a full refresh of 500 entities over 3 emulated clusters through the
 *      real kubernetes backend, against the bare kubernetes backend queries
 *      for the same entities.
 * Run alone: node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/backend.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  RootLoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import availabilityPlugin from '@availability-backstage/plugin-availability-backend';
import {
  DatabaseAvailabilityStore,
  REFRESH_TASK_ID,
} from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import {
  kubernetesConfigFor,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';
import { createRandom } from './lib/corpus';
import {
  generateServiceEntities,
  serviceReport,
  ServiceEntity,
  writeCatalogFile,
  okStatuses,
  storedEntity,
  writeClusterFixtures,
} from './lib/backendFixtures';
import { Latency, measureGets } from './lib/httpLatency';
import { median, ratioRow, round, writeResults } from './lib/results';
import type { BenchRow } from './lib/results';

const READ_ENTITIES = 10_000;
const REFRESH_ENTITIES = 500;
const CLUSTERS = ['prod-eu', 'prod-us', 'staging'];
const PAGE = 20;
const DEEP_PAGES = 250; // the page holding items 5,001-5,020
const WARMUP = 10;
const RUNS = 50;
const REFRESH_PASSES = 5;
const DAY = 86_400_000;

const auth = { Authorization: mockCredentials.user.header() };
const log = (message: string) => process.stderr.write(`${message}\n`);

/** Keeps info lines for the suite to read back; prints warnings and errors. */
class RecordingLogger implements RootLoggerService {
  readonly #lines: string[];
  readonly #prefix: string;
  constructor(lines: string[] = [], prefix = '') {
    this.#lines = lines;
    this.#prefix = prefix;
  }
  get lines() {
    return this.#lines;
  }
  child(meta: Record<string, unknown>) {
    const plugin = meta.plugin ? `${meta.plugin}: ` : '';
    return new RecordingLogger(this.#lines, this.#prefix || plugin);
  }
  info(message: string) {
    this.#lines.push(`${this.#prefix}${message}`);
  }
  debug() {}
  warn(message: string, meta?: unknown) {
    log(`  warn ${this.#prefix}${message} ${meta ? String(meta) : ''}`);
  }
  error(message: string, meta?: unknown) {
    log(`  error ${this.#prefix}${message} ${meta ? String(meta) : ''}`);
  }
}

function catalogConfig(file: string) {
  return {
    rules: [{ allow: ['Component', 'Location'] }],
    locations: [{ type: 'file', target: file }],
    // Process once, then stay idle: no re-processing during the timings.
    processingInterval: { hours: 24 },
  };
}

// The refresh only runs when the suite triggers it.
const QUIET_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 30 },
  initialDelay: { hours: 24 },
};

function baseUrl(server: { address(): AddressInfo | string | null }) {
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function getJson(url: string): Promise<any> {
  const res = await fetch(url, { headers: auth });
  if (!res.ok) {
    throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  }
  return res.json();
}

/** Waits until the catalog serves `count` Components. */
async function waitForCatalog(base: string, count: number) {
  const started = Date.now();
  let last = -1;
  for (;;) {
    const page = await getJson(
      `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
    );
    if (page.totalItems !== last) {
      last = page.totalItems;
      log(`  catalog: ${last}/${count} components`);
    }
    if (page.totalItems >= count) {
      return Date.now() - started;
    }
    if (Date.now() - started > 20 * 60_000) {
      throw new Error(`catalog stuck at ${last}/${count} components`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

/** Follows `pages` next cursors from `first` and returns the last cursor. */
async function cursorAfter(
  first: string,
  next: (cursor: string) => string,
  pages: number,
  cursorOf: (body: any) => string | undefined,
): Promise<string> {
  let cursor = cursorOf(await getJson(first));
  for (let i = 1; i < pages; i++) {
    if (!cursor) throw new Error(`ran out of pages after ${i}`);
    cursor = cursorOf(await getJson(next(cursor)));
  }
  if (!cursor) throw new Error(`ran out of pages after ${pages}`);
  return cursor;
}

/**
 * Seeds one report per entity through the plugin's own store: the entity's
 * services evaluated by the rules engine in one to three clusters, with
 * history points 20, 10 and 1 days ago (the oldest from a poorer variant).
 */
async function seedReports(
  store: DatabaseAvailabilityStore,
  entities: ServiceEntity[],
) {
  const random = createRandom(31);
  const today = Math.floor(Date.now() / DAY) * DAY;
  for (const [index, e] of entities.entries()) {
    const quality = 0.3 + random.next() * 0.65;
    const clusters = CLUSTERS.slice(0, random.int(1, CLUSTERS.length));
    const report = (q: number) =>
      serviceReport(random, {
        name: e.name,
        clusters,
        quality: q,
        now: new Date(today),
      });
    const older = report(Math.max(0.1, quality - 0.25));
    const current = report(quality);
    const entity = storedEntity(e);
    const statuses = okStatuses(clusters);
    for (const [daysAgo, r] of [
      [20, older],
      [10, current],
      [1, current],
    ] as const) {
      await store.saveReport({
        entity,
        report: r,
        clusters: statuses,
        refreshedAt: new Date(today - daysAgo * DAY + 3_600_000),
      });
    }
    if ((index + 1) % 2000 === 0) log(`  seeded ${index + 1} reports`);
  }
}

function latencyRows(options: {
  case: string;
  ours: { name: string; latency: Latency };
  theirs: { name: string; latency: Latency };
  maxRatio: number;
}): BenchRow[] {
  const { ours, theirs } = options;
  return [
    ratioRow({
      case: options.case,
      metric: `${ours.name} p50`,
      value: ours.latency.p50,
      unit: 'ms',
      baseline: { name: `${theirs.name} p50`, value: theirs.latency.p50 },
      maxRatio: options.maxRatio,
    }),
    ratioRow({
      case: options.case,
      metric: `${ours.name} p95`,
      value: ours.latency.p95,
      unit: 'ms',
      baseline: { name: `${theirs.name} p95`, value: theirs.latency.p95 },
    }),
  ];
}

async function measureReads(tmp: string): Promise<BenchRow[]> {
  log(`reads: ${READ_ENTITIES} entities and reports`);
  const entities = generateServiceEntities({
    count: READ_ENTITIES,
    owners: 40,
    systems: 150,
  });
  const file = path.join(tmp, 'read-entities.yaml');
  writeCatalogFile(file, entities);

  let store: DatabaseAvailabilityStore | undefined;
  const storeModule = createBackendModule({
    pluginId: 'availability',
    moduleId: 'bench-store',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          // The plugin's own database: modules share their plugin's services.
          store = await DatabaseAvailabilityStore.create({ database });
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      availabilityPlugin,
      storeModule,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          catalog: catalogConfig(file),
          availability: { schedule: QUIET_SCHEDULE },
        },
      }),
    ],
  });
  try {
    const base = baseUrl(backend.server as any);
    const seedStart = Date.now();
    await seedReports(store!, entities);
    log(`  seeded in ${Date.now() - seedStart} ms`);
    const ingestMs = await waitForCatalog(base, READ_ENTITIES);
    log(`  catalog ready after ${ingestMs} ms more`);

    const stored = await getJson(`${base}/api/availability/reports?limit=1`);
    if (stored.totalItems !== READ_ENTITIES) {
      throw new Error(
        `expected ${READ_ENTITIES} reports, got ${stored.totalItems}`,
      );
    }

    // A mid-sized team: the filter should select a realistic page.
    const counts = new Map<string, number>();
    for (const e of entities)
      counts.set(e.owner, (counts.get(e.owner) ?? 0) + 1);
    const owner = [...counts.entries()].sort((a, b) => b[1] - a[1])[
      Math.floor(counts.size / 4)
    ][0];

    const av = `${base}/api/availability`;
    const cat = `${base}/api/catalog`;
    const avDeep = await cursorAfter(
      `${av}/reports?limit=${PAGE}`,
      c => `${av}/reports?limit=${PAGE}&cursor=${encodeURIComponent(c)}`,
      DEEP_PAGES,
      b => b.nextCursor,
    );
    const catDeep = await cursorAfter(
      `${cat}/entities/by-query?limit=${PAGE}&filter=kind=component`,
      c =>
        `${cat}/entities/by-query?limit=${PAGE}&cursor=${encodeURIComponent(
          c,
        )}`,
      DEEP_PAGES,
      b => b.pageInfo?.nextCursor,
    );
    const filtered = await getJson(
      `${av}/reports?owner=${owner}&level=bronze,none&limit=${PAGE}`,
    );
    const catFiltered = await getJson(
      `${cat}/entities/by-query?limit=${PAGE}&filter=kind=component,relations.ownedBy=group:default/${owner},spec.lifecycle=production`,
    );
    log(
      `  owner ${owner}: ${counts.get(owner)} entities; ${
        filtered.totalItems
      } bronze/none reports; ${catFiltered.totalItems} production components`,
    );

    const urls = {
      first: `${av}/reports?limit=${PAGE}`,
      catFirst: `${cat}/entities/by-query?limit=${PAGE}`,
      filtered: `${av}/reports?owner=${owner}&level=bronze,none&limit=${PAGE}`,
      catFiltered: `${cat}/entities/by-query?limit=${PAGE}&filter=kind=component,relations.ownedBy=group:default/${owner},spec.lifecycle=production`,
      deep: `${av}/reports?limit=${PAGE}&cursor=${encodeURIComponent(avDeep)}`,
      catDeep: `${cat}/entities/by-query?limit=${PAGE}&cursor=${encodeURIComponent(
        catDeep,
      )}`,
      summary: `${av}/summary`,
      facets: `${cat}/entity-facets?facet=spec.owner&facet=spec.lifecycle&filter=kind=component`,
      summaryOwner: `${av}/summary?owner=${owner}`,
      facetsOwner: `${cat}/entity-facets?facet=spec.lifecycle&facet=spec.system&filter=kind=component,relations.ownedBy=group:default/${owner}`,
    };
    const pairs: Array<[keyof typeof urls, keyof typeof urls]> = [
      ['first', 'catFirst'],
      ['filtered', 'catFiltered'],
      ['deep', 'catDeep'],
      ['summary', 'facets'],
      ['summaryOwner', 'facetsOwner'],
    ];
    const latency: Partial<
      Record<keyof typeof urls | 'coldFirst' | 'coldSummary', Latency>
    > = {};
    for (const [ours, theirs] of pairs) {
      log(`  timing ${ours} vs ${theirs}`);
      Object.assign(
        latency,
        await measureGets(
          { [ours]: urls[ours], [theirs]: urls[theirs] },
          { headers: auth, warmup: WARMUP, runs: RUNS },
        ),
      );
    }

    // Reports follow catalog visibility: each caller's visible refs come
    // from the catalog and are reused for 10 s. A new user on every request
    // is the cold case, where every list and summary asks the catalog for
    // all 10,000 refs first.
    const coldUser = (round: number) => ({
      Authorization: mockCredentials.user.header(`user:default/cold-${round}`),
    });
    for (const ours of ['first', 'summary'] as const) {
      log(`  timing ${ours} with cold visibility vs catFirst`);
      const cold = await measureGets(
        { [ours]: urls[ours], catFirst: urls.catFirst },
        { headers: coldUser, warmup: WARMUP, runs: RUNS },
      );
      latency[ours === 'first' ? 'coldFirst' : 'coldSummary'] = cold[ours];
    }

    const n = READ_ENTITIES.toLocaleString('en-US');
    return [
      ...latencyRows({
        case: `${n} reports / entities, visibility fetched per request (a new user each time)`,
        ours: {
          name: 'GET /reports, cold visibility',
          latency: latency.coldFirst!,
        },
        theirs: { name: 'catalog by-query', latency: latency.catFirst! },
        maxRatio: 3,
      }),
      ...latencyRows({
        case: `${n}, whole organisation, visibility fetched per request`,
        ours: {
          name: 'GET /summary, cold visibility',
          latency: latency.coldSummary!,
        },
        theirs: { name: 'catalog by-query', latency: latency.catFirst! },
        maxRatio: 3,
      }),
      ...latencyRows({
        case: `${n} reports / entities, first page of ${PAGE}`,
        ours: { name: 'GET /reports', latency: latency.first! },
        theirs: { name: 'catalog by-query', latency: latency.catFirst! },
        maxRatio: 1,
      }),
      ...latencyRows({
        case: `${n}, filtered by owner (${counts.get(
          owner,
        )} entities) and level/lifecycle`,
        ours: { name: 'GET /reports?owner&level', latency: latency.filtered! },
        theirs: {
          name: 'catalog by-query ownedBy+lifecycle',
          latency: latency.catFiltered!,
        },
        maxRatio: 1,
      }),
      ...latencyRows({
        case: `${n}, page ${DEEP_PAGES + 1} by cursor`,
        ours: { name: 'GET /reports?cursor', latency: latency.deep! },
        theirs: { name: 'catalog by-query cursor', latency: latency.catDeep! },
        maxRatio: 1,
      }),
      ...latencyRows({
        case: `${n}, whole organisation`,
        ours: { name: 'GET /summary', latency: latency.summary! },
        theirs: {
          name: 'catalog entity-facets (2 facets)',
          latency: latency.facets!,
        },
        maxRatio: 2,
      }),
      ...latencyRows({
        case: `${n}, one owner`,
        ours: { name: 'GET /summary?owner', latency: latency.summaryOwner! },
        theirs: {
          name: 'catalog entity-facets (2 facets, owner filter)',
          latency: latency.facetsOwner!,
        },
        maxRatio: 2,
      }),
    ];
  } finally {
    await backend.stop();
  }
}

/** Runs `fn` over `items` with at most `concurrency` at once. */
async function eachLimited<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    }),
  );
}

async function measureRefresh(tmp: string): Promise<{
  rows: BenchRow[];
  notes: string[];
}> {
  log(`refresh: ${REFRESH_ENTITIES} entities over ${CLUSTERS.length} clusters`);
  const entities = generateServiceEntities({
    count: REFRESH_ENTITIES,
    owners: 12,
    systems: 30,
    seed: 5,
  });
  const file = path.join(tmp, 'refresh-entities.yaml');
  writeCatalogFile(file, entities);
  const clustersDir = path.join(tmp, 'clusters');
  const placements = writeClusterFixtures({
    dir: clustersDir,
    clusters: CLUSTERS,
    services: entities.map(e => e.name),
  });
  const emulator = await startKubeApiEmulator({ clustersDir });
  const logger = new RecordingLogger();
  // The availability plugin's scheduler: the mock one, whose triggerTask
  // runs the task and resolves when it is done.
  let scheduler: SchedulerService | undefined;
  const schedulerModule = createBackendModule({
    pluginId: 'availability',
    moduleId: 'bench-scheduler',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init(deps) {
          scheduler = deps.scheduler;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      kubernetesPlugin,
      availabilityPlugin,
      schedulerModule,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          catalog: catalogConfig(file),
          kubernetes: kubernetesConfigFor(emulator),
          // The per-entity source, compared with the same kubernetes
          // backend queries; bench/refresh.bench.ts compares both sources.
          // Default refresh concurrency and request timeout.
          availability: { source: 'entity', schedule: QUIET_SCHEDULE },
        },
      }),
    ],
  });
  try {
    const base = baseUrl(backend.server as any);
    await waitForCatalog(base, REFRESH_ENTITIES);
    const headers = { ...auth, 'content-type': 'application/json' };
    const post = async (route: string, body: unknown) => {
      const res = await fetch(`${base}/api/kubernetes${route}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        throw new Error(
          `POST ${route} answered ${res.status}: ${await res.text()}`,
        );
      }
      return res.json();
    };
    const kubeQueries = (name: string) =>
      Promise.all([
        post('/resources/workloads/query', {
          entityRef: `component:default/${name}`,
        }),
        post('/resources/custom/query', {
          entityRef: `component:default/${name}`,
          customResources: [
            {
              group: 'policy',
              apiVersion: 'v1',
              plural: 'poddisruptionbudgets',
            },
            {
              group: 'networking.k8s.io',
              apiVersion: 'v1',
              plural: 'networkpolicies',
            },
          ],
        }),
      ]);
    // Loads @kubernetes/client-node (a dynamic import) outside the timings.
    await kubeQueries(entities[0].name);

    // Wall time moves with the load of the shared machine; the process's own
    // CPU time (backend, kubernetes backend and emulator all live in it)
    // tells the work done.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const passes: Array<{
      ms: number;
      cpu: number;
      kube: number;
      summary: string;
    }> = [];
    const baselines: Array<{ ms: number; cpu: number }> = [];
    for (let pass = 0; pass < REFRESH_PASSES; pass++) {
      // The bare kubernetes backend: the same two queries per entity at the
      // plugin's default concurrency (4), bodies parsed, nothing evaluated.
      const baseStart = process.hrtime.bigint();
      const baseCpu = process.cpuUsage();
      await eachLimited(entities, 4, async e => {
        await kubeQueries(e.name);
      });
      baselines.push({
        ms: Number(process.hrtime.bigint() - baseStart) / 1e6,
        cpu: cpuMs(baseCpu),
      });

      const before = emulator.requestCount();
      logger.lines.length = 0;
      const start = process.hrtime.bigint();
      const startCpu = process.cpuUsage();
      await scheduler!.triggerTask(REFRESH_TASK_ID);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = cpuMs(startCpu);
      const summary =
        logger.lines.find(l => l.includes('Availability refresh ')) ?? '';
      if (!/ succeeded: .* 0 failed/.test(summary)) {
        throw new Error(
          `refresh pass ${pass + 1} did not succeed: ${
            summary || logger.lines.slice(-5).join(' | ')
          }`,
        );
      }
      passes.push({
        ms,
        cpu,
        kube: emulator.requestCount() - before,
        summary,
      });
      log(
        `  pass ${pass + 1}: ${round(ms, 0)} ms, ${round(
          cpu,
          0,
        )} ms CPU (bare kubernetes backend ${round(
          baselines[pass].ms,
          0,
        )} ms, ${round(baselines[pass].cpu, 0)} ms CPU); ${summary}`,
      );
    }

    const reports = await getJson(`${base}/api/availability/reports?limit=1`);
    if (reports.totalItems !== REFRESH_ENTITIES) {
      throw new Error(
        `expected ${REFRESH_ENTITIES} reports, got ${reports.totalItems}`,
      );
    }

    // Pass 1 writes into an empty store; later passes are the steady state
    // (reports replaced, same-day history points collapsed).
    const first = passes[0];
    const steady = passes.slice(1);
    const steadyMs = median(steady.map(p => p.ms));
    const steadyCpu = median(steady.map(p => p.cpu));
    const baselineMs = median(baselines.slice(1).map(b => b.ms));
    const baselineCpu = median(baselines.slice(1).map(b => b.cpu));
    const caseName = `${REFRESH_ENTITIES} entities, ${CLUSTERS.length} clusters`;
    const rows: BenchRow[] = [
      {
        case: caseName,
        metric: 'first full refresh wall time (empty store)',
        value: round(first.ms),
        unit: 'ms',
      },
      ratioRow({
        case: caseName,
        metric: `full refresh wall time, median of passes 2-${REFRESH_PASSES}`,
        value: steadyMs,
        unit: 'ms',
        baseline: {
          name: 'same kubernetes backend queries alone, concurrency 4',
          value: baselineMs,
        },
        maxRatio: 1.25,
      }),
      ratioRow({
        case: caseName,
        metric: `full refresh CPU time of the backend process, median of passes 2-${REFRESH_PASSES}`,
        value: steadyCpu,
        unit: 'ms',
        baseline: {
          name: 'same kubernetes backend queries alone, concurrency 4',
          value: baselineCpu,
        },
        maxRatio: 1.25,
      }),
      {
        case: caseName,
        metric: `entities per second (passes 2-${REFRESH_PASSES})`,
        value: round(REFRESH_ENTITIES / (steadyMs / 1000)),
        unit: 'entities/s',
      },
      {
        case: caseName,
        metric: 'kube API requests per full refresh',
        value: first.kube,
        unit: 'requests',
      },
      {
        case: caseName,
        metric: 'kube API requests per entity',
        value: round(first.kube / REFRESH_ENTITIES),
        unit: 'requests',
      },
    ];
    // 13 default object types and 2 custom resources per entity and cluster.
    const entityLists = REFRESH_ENTITIES * CLUSTERS.length * 15;
    const notes = [
      `Refresh: ${REFRESH_ENTITIES} Components in the real catalog backend (file location), each a Deployment + Service + HPA + PDB + NetworkPolicy (pods derived by the emulator) in 1-3 of ${
        CLUSTERS.length
      } emulated clusters (${Object.entries(placements)
        .map(([c, n]) => `${c}: ${n} services`)
        .join(
          ', ',
        )}), read through the real @backstage/plugin-kubernetes-backend (multiTenant, so every cluster is asked about every entity). The refresh task is triggered through the mock scheduler, which awaits it; ${REFRESH_PASSES} passes, each preceded by the bare baseline pass, default refresh concurrency (4). Per pass (wall ms refresh/bare, CPU ms refresh/bare): ${passes
        .map(
          (p, i) =>
            `${round(p.ms, 0)}/${round(baselines[i].ms, 0)}, ${round(
              p.cpu,
              0,
            )}/${round(baselines[i].cpu, 0)}`,
        )
        .join(
          '; ',
        )}. CPU time is the whole process (catalog, kubernetes backend, availability plugin, emulator and, for the bare pass, the suite's own fetch client), so it is not disturbed by other processes the way wall time is. Kube API requests are the emulator's own count.`,
      `Last refresh log line: ${passes[passes.length - 1].summary.replace(
        /^availability: /,
        '',
      )}. Kube API requests per pass, the emulator's count: ${
        first.kube
      } = ${entityLists} (${REFRESH_ENTITIES} entities x ${
        CLUSTERS.length
      } clusters x 15 lists) + ${
        first.kube - entityLists
      } made once per pass (the plugin's Node lists).`,
    ];
    return { rows, notes };
  } finally {
    await backend.stop();
    await emulator.close();
  }
}

async function main() {
  const tmp = fs.mkdtempSync(
    path.join(os.tmpdir(), 'availability-backend-bench-'),
  );
  try {
    const load = () =>
      os
        .loadavg()
        .map(l => l.toFixed(1))
        .join('/');
    const loadBefore = load();
    const readRows = await measureReads(tmp);
    const loadBetween = load();
    const refresh = await measureRefresh(tmp);
    const loadAfter = load();
    writeResults({
      suite: 'backend',
      title: 'Backend API and refresh',
      rows: [...readRows, ...refresh.rows],
      notes: [
        `One real backend process per part (startTestBackend from @backstage/backend-test-utils: the real HTTP server, httpRouter, database and catalog/kubernetes plugins; mock auth, httpAuth and permissions, which allow every request and cost both plugins the same). SQLite in memory (better-sqlite3 ":memory:", one database per plugin), as the plugin's own tests use. Requests go over HTTP on 127.0.0.1 with Node's fetch (keep-alive), one at a time.`,
        `Reads: ${READ_ENTITIES.toLocaleString(
          'en-US',
        )} Components (40 owners, skewed; 150 systems) ingested by the real catalog backend from a generated file location (processing interval 24 h, so nothing re-processes during the timings), and one report per entity written through the plugin's DatabaseAvailabilityStore on the plugin's own database: the rules engine's verdict on the entity's generated Deployment/Service/HPA/PDB/NetworkPolicy in 1-3 clusters, with 3 history points (20, 10 and 1 days ago).`,
        `Each pair is timed interleaved (ours, catalog, ours, ...): ${WARMUP} warm-up rounds, then ${RUNS} timed requests each; p50 is the median, p95 nearest-rank. Both lists use limit=${PAGE} and count the total. The deep page is the page after ${DEEP_PAGES} cursor steps (items 5,001-5,020), each plugin's cursor taken by walking its own pages.`,
        'Goals: a list page no slower than the catalog listing the same entities (ratio <= 1 at p50); /summary (four aggregates: levels, owners, failing checks, 30-day trend over history) within 2x of a two-facet entity-facets call; a full refresh within 1.25x of the kubernetes backend queries it needs (wall time and CPU time), i.e. evaluation and storage cost at most a quarter on top.',
        'Where the deep-page goal is missed: it costs both plugins under 2 ms (an index seek each), so its ratio sits at 1 within run-to-run noise. /summary reads covering indexes and a daily-scores table kept on write, so it no longer joins every report.',
        ...refresh.notes,
        `The machine is shared (${
          os.cpus().length
        } CPUs): load average (1/5/15 min) ${loadBefore} at the start, ${loadBetween} between the parts, ${loadAfter} at the end. Pairs are interleaved and each refresh pass follows its own baseline pass so that load weighs on both sides alike; absolute figures still move with it.`,
        "Run as a plain Node process (bench/run.ts), the kubernetes backend's dynamic import() of @kubernetes/client-node works without --experimental-vm-modules; that flag is only needed under Jest.",
      ],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
