/*
 * The availability frontend in a real portal, measured in Chromium:
 *   1. an entity's Availability tab until its score shows, beside the same
 *      entity's catalog page until its About card shows;
 *   2. the org page /availability over 10,000 stored reports until the first
 *      table page and the summary panels show, beside the catalog index over
 *      the same 10,000 Components until its table shows rows.
 * One portal: the repository's backend (packages/backend, started as
 * `backstage-cli package start` starts it) serving the production build of
 * packages/app, with an extra config file written to a temp dir.
 * Run alone: node -r @backstage/cli/config/nodeTransform.cjs bench/frontend.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { generateServiceEntities } from './lib/backendFixtures';
import {
  seedAvailabilityDatabase,
  writeOrgCatalogFile,
} from './lib/frontendFixtures';
import {
  BackendProcess,
  firstFreePort,
  REPO_ROOT,
  startBackend,
  tail,
  waitForOk,
} from './lib/portalProcess';
import { median, round, writeResults } from './lib/results';
import { CLUSTERS, log } from './lib/benchBackend';
import { CHROMIUM_ARGS } from '../playwright.config';
import {
  ensureAppBuild,
  getJson,
  guestToken,
  portalConfig,
  waitForCatalog,
  ENTITIES,
} from './frontend/portal';
import {
  idle,
  measurePair,
  NAV_TIMEOUT,
  navigate,
  rows,
} from './frontend/pageTimings';

const OWNERS = 50;
const SYSTEMS = 50;
const WARMUP = 2;
const ENTITY_RUNS = 20;
const LIST_RUNS = 10;
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

const load = () =>
  os
    .loadavg()
    .map(l => l.toFixed(1))
    .join('/');

async function main() {
  const tmp = fs.mkdtempSync(
    path.join(os.tmpdir(), 'availability-frontend-bench-'),
  );
  let backend: BackendProcess | undefined;
  let browser: Browser | undefined;
  // Tear down on Ctrl-C or a kill of the suite, too.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the portal`);
    Promise.all([browser?.close(), backend?.stop(3000)]).finally(() => {
      fs.rmSync(tmp, { recursive: true, force: true });
      process.exit(1);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => {
    if (backend) {
      try {
        process.kill(-backend.pid, 'SIGKILL');
      } catch {
        // Already stopped.
      }
    }
  });
  try {
    const loadStart = load();
    const build = ensureAppBuild();
    log(build);

    // Not 7007/3000: other portals on the shared machine come and go there.
    const port = await firstFreePort(
      Array.from({ length: 20 }, (_, i) => 7107 + i),
    );
    const base = `http://localhost:${port}`;
    const dbDir = path.join(tmp, 'db');
    const catalogFile = path.join(tmp, 'catalog', 'entities.yaml');
    const configFile = path.join(tmp, 'app-config.bench.yaml');

    const entities = generateServiceEntities({
      count: ENTITIES,
      owners: OWNERS,
      systems: SYSTEMS,
      seed: 17,
    });
    const org = writeOrgCatalogFile(catalogFile, entities);
    fs.writeFileSync(
      configFile,
      stringify(portalConfig({ port, dbDir, catalogFile })),
    );

    log(`seeding ${ENTITIES} reports into ${dbDir}/availability.sqlite...`);
    const seedStart = Date.now();
    const seeded = await seedAvailabilityDatabase({
      file: path.join(dbDir, 'availability.sqlite'),
      entities,
      clusters: CLUSTERS,
      now: new Date(),
      onProgress: done => log(`  seeded ${done}`),
    });
    log(`  seeded in ${round((Date.now() - seedStart) / 1000, 0)} s`);

    log(`starting the backend on ${base} (log ${tmp}/backend.log)...`);
    backend = startBackend({
      configFiles: [path.join(REPO_ROOT, 'app-config.yaml'), configFile],
      logFile: path.join(tmp, 'backend.log'),
    });
    const startMs = await waitForOk(`${base}/.backstage/health/v1/readiness`, {
      timeoutMs: 10 * 60_000,
      backend,
    });
    log(`  ready after ${round(startMs / 1000, 0)} s; waiting for the catalog`);
    const ingestMs = await waitForCatalog(base, backend, ENTITIES);
    log(`  catalog complete after ${round(ingestMs / 1000, 0)} s more`);

    const token = await guestToken(base);
    const stored = await getJson(
      `${base}/api/availability/reports?limit=1`,
      token,
    );
    if (stored.totalItems !== ENTITIES) {
      throw new Error(`expected ${ENTITIES} reports, got ${stored.totalItems}`);
    }
    const index = await fetch(`${base}/`);
    if (!/<script/.test(await index.text())) {
      throw new Error(`${base}/ does not serve the built app`);
    }
    const loadMeasureStart = load();

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    // Guest sign-in once; every later navigation stays in this document.
    await page.goto('/bench-idle');
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.click();
    await enter.waitFor({ state: 'hidden', timeout: NAV_TIMEOUT });
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .waitFor({ state: 'attached', timeout: NAV_TIMEOUT });

    // A different entity each round, so no round reads another's cached data.
    const entityAt = (i: number) => entities[(i * 379 + 11) % ENTITIES].name;
    log('entity pages:');
    const entitySamples = await measurePair(page, {
      label: 'entity',
      warmup: WARMUP,
      runs: ENTITY_RUNS,
      ours: i => ({
        path: `/catalog/default/component/${entityAt(i)}/availability`,
        ready: 'score',
      }),
      theirs: i => ({
        path: `/catalog/default/component/${entityAt(i)}`,
        ready: 'about',
      }),
    });
    // How far a service owner scrolls: the tab's full height at 1440x900.
    const heights: number[] = [];
    for (let i = 0; i < ENTITY_RUNS; i++) {
      await idle(page);
      await navigate(
        page,
        `/catalog/default/component/${entityAt(i)}/availability`,
        'score',
      );
      heights.push(
        await page.evaluate(() => document.documentElement.scrollHeight),
      );
    }
    log(`  tab heights: ${heights.join(', ')} px`);
    log('org page vs catalog index:');
    const listSamples = await measurePair(page, {
      label: 'lists',
      warmup: WARMUP,
      runs: LIST_RUNS,
      ours: () => ({ path: '/availability', ready: 'org' }),
      theirs: () => ({ path: CATALOG_INDEX, ready: 'catalogIndex' }),
    });
    await browser.close();
    browser = undefined;
    const loadEnd = load();
    // The refresh must not have run: it would have rewritten the reports.
    const backendLog = fs.readFileSync(backend.logFile, 'utf8');
    if (/Availability refresh/.test(backendLog)) {
      throw new Error('the availability refresh ran during the timings');
    }

    const n = ENTITIES.toLocaleString('en-US');
    writeResults({
      suite: 'frontend',
      title: 'Frontend pages in the browser',
      rows: [
        ...rows({
          case: `one entity (${n} in the catalog), in-app navigation`,
          ours: 'Availability tab until the score, level explanation and Fix first show',
          theirs: 'catalog entity page until About shows',
          samples: entitySamples,
        }),
        {
          case: `one entity (${n} in the catalog), 1440x900`,
          metric: `Availability tab page height, median of ${ENTITY_RUNS} entities`,
          value: median(heights),
          unit: 'px',
        },
        {
          case: `one entity (${n} in the catalog), 1440x900`,
          metric: `Availability tab page height, tallest of ${ENTITY_RUNS} entities`,
          value: Math.max(...heights),
          unit: 'px',
        },
        ...rows({
          case: `${n} reports / Components, in-app navigation`,
          ours: '/availability until first table page + summary panels',
          theirs: 'catalog index until its table shows rows',
          samples: listSamples,
        }),
      ],
      notes: [
        `One portal: the repository's backend (packages/backend/src/index.ts with every plugin it installs, started like \`backstage-cli package start\` does: the CLI's node transform, NODE_ENV=development, no file watcher) serving the production webpack build of packages/app through app-backend (app.baseUrl = backend.baseUrl = ${base}); ${build}. app-config.yaml plus one generated config file: SQLite in directory mode (one file per plugin; the catalog's database in memory, because ingesting 10,000 entities into a file ran at about 6 entities/s on the loaded machine), a single catalog file location, the search collators scheduled 24 h out, a kubernetes config with no cluster, the catalog's processing interval 24 h. The availability refresh is put off by availability.schedule (initial delay 24 h); the suite checks afterwards that no refresh ran (nothing refreshes or indexes during the timings).`,
        `Data: ${n} Components (svc-00000...; owners skewed over ${org.groups} Groups, ${org.systems} Systems, all three kinds in the catalog file, each Component with a backstage.io/kubernetes-id annotation). Before the backend started, the availability plugin's SQLite file (<dir>/availability.sqlite, the name backend-defaults gives a plugin in directory mode) was filled through the plugin's own DatabaseAvailabilityStore (its migrations, then saveReport): per Component the rules engine's report on a generated Deployment/Service/HPA/PDB/NetworkPolicy in 1-3 clusters at a seeded quality, history points 28, 14, 7 and 1 days ago, and a failed last refresh (stale) for ${seeded.stale}. The timings start after the catalog served all ${n} Components with their ownership relations stitched.`,
        `Browser: Debian's Chromium (${CHROMIUM}) through playwright-core, headless, the flags of playwright.config.ts, viewport 1440x900, one browser context and one page throughout. The guest signs in once; every measured navigation is in-app, for ours and the baselines alike: history.pushState plus a popstate event, which the app's router handles like a link click (no document reload; the JS bundle is loaded and the app's API clients exist). Each navigation starts from a neutral route (/bench-idle, the app's not-found page) that shows none of the awaited elements.`,
        `Timing: from just before pushState to the first animation frame at which the page shows what the user waits for, both read from the page's performance.now() (waitForFunction polling every frame; resolution one frame, about 16 ms). Availability tab: the [data-testid=entity-score] number, the level explanation and the first item of the Fix first list (or, for a gold entity, its explanation) are visible. Entity page: the About card heading is visible. Org page: the reports table title "Entities (${ENTITIES})" and a first row with a Component link, a row of the "Availability by owner" table and an item of "Top failing checks" are all visible. Catalog index (${CATALOG_INDEX}; the app mounts the catalog at /): a table row with a Component link is visible. Neither side waits for charts or images to finish drawing. Page height: document.documentElement.scrollHeight once the tab is ready, for the ${ENTITY_RUNS} Components of the timed rounds (each a Deployment, Service, HPA, PDB and NetworkPolicy in 1-3 clusters); the demo's storefront-web tab is measured by the e2e test (packages/app/e2e-tests/availability.test.ts, annotation "page height (px)").`,
        `Rounds: ${WARMUP} warm-up rounds, then ${ENTITY_RUNS} timed rounds for the entity pair and ${LIST_RUNS} for the list pair; each round visits both pages of the pair, alternating which goes first. The entity pair uses a different Component each round, the same one on both sides. p50 is the median, p95 nearest-rank (with ${LIST_RUNS} runs the slowest, with ${ENTITY_RUNS} the second slowest). No goal is set: these are figures to watch, not targets.`,
        `The machine is shared (${
          os.cpus().length
        } CPUs, browser and backend on the same cores): load average (1/5/15 min) ${loadStart} at the start, ${loadMeasureStart} when the timings began, ${loadEnd} at the end. Pairs are interleaved so that load weighs on both sides alike; absolute figures still move with it.`,
      ],
    });
  } catch (error) {
    if (backend) {
      log(`backend log (last lines):\n${tail(backend.logFile)}`);
    }
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await backend?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The app mounts the catalog index at / (app-config.yaml, page:catalog);
// all Components, not only the guest's own.
const CATALOG_INDEX = '/?filters%5Bkind%5D=component&filters%5Buser%5D=all';

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
