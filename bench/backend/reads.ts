/*
 * The backend suite's reads: GET /reports and GET /summary over 10,000
 * stored reports beside the catalog's by-query and entity-facets in the same
 * process.
 */
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { DatabaseAvailabilityStore } from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import { createRandom } from '../lib/corpus';
import {
  generateServiceEntities,
  seededService,
  ServiceEntity,
  writeCatalogFile,
} from '../lib/backendFixtures';
import { Latency, measureGets } from '../lib/httpLatency';
import { ratioRow } from '../lib/results';
import type { BenchRow } from '../lib/results';
import {
  auth,
  CLUSTERS,
  getJson,
  log,
  startCatalogBackend,
  waitForCatalog,
} from '../lib/benchBackend';

export const READ_ENTITIES = 10_000;

export const PAGE = 20;
export const RUNS = 50;

export const DEEP_PAGES = 250; // the page holding items 5,001-5,020
export const WARMUP = 10;

export const DAY = 86_400_000;

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
    const { quality, report, entity, statuses } = seededService(
      random,
      e,
      CLUSTERS,
      new Date(today),
    );
    const older = report(Math.max(0.1, quality - 0.25));
    const current = report(quality);
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

export async function measureReads(tmp: string): Promise<BenchRow[]> {
  log(`reads: ${READ_ENTITIES} entities and reports`);
  const entities = generateServiceEntities({
    count: READ_ENTITIES,
    owners: 40,
    systems: 150,
  });
  const file = path.join(tmp, 'read-entities.yaml');
  writeCatalogFile(file, entities);

  // The probe hands out the plugin's own database, for its store to seed.
  const { backend, base, probe } = await startCatalogBackend({
    catalogFile: file,
  });
  try {
    const seedStart = Date.now();
    const store = await DatabaseAvailabilityStore.create({
      database: probe.database,
    });
    await seedReports(store, entities);
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
