/*
 * The frontend suite's portal: the app's production build (rebuilt when its
 * sources are newer), the extra config it runs with, a guest token, and the
 * wait until the catalog serves every generated Component.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackendProcess, REPO_ROOT, tail } from '../lib/portalProcess';
import { round } from '../lib/results';
import { log } from '../lib/benchBackend';

/** Newest modification time under `dir`, skipping node_modules. */
/** The generated Components (and stored reports) of the suite. */
export const ENTITIES = 10_000;

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs,
    );
  }
  return newest;
}

/**
 * Builds packages/app (production webpack build, what app-backend serves)
 * unless dist is newer than every frontend source. Serialised with other
 * builds through a lock file.
 */
export function ensureAppBuild(): string {
  const app = path.join(REPO_ROOT, 'packages/app');
  const index = path.join(app, 'dist/index.html');
  const sources = Math.max(
    newestMtime(path.join(app, 'src')),
    ...['availability', 'availability-common'].map(p =>
      newestMtime(path.join(REPO_ROOT, 'plugins', p, 'src')),
    ),
    fs.statSync(path.join(REPO_ROOT, 'yarn.lock')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) {
    return 'reused the existing packages/app/dist (newer than the frontend sources)';
  }
  log('building packages/app (yarn workspace app build)...');
  const started = Date.now();
  const result = spawnSync(
    'flock',
    ['/tmp/app-build.lock', 'yarn', 'workspace', 'app', 'build'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) {
    throw new Error(`yarn workspace app build failed (${result.status})`);
  }
  return `built packages/app for this run in ${round(
    (Date.now() - started) / 1000,
    0,
  )} s`;
}

/** A scheduled task's first run a day after the start: none during the timings. */
const ONE_DAY_OUT = {
  frequency: { hours: 24 },
  timeout: { minutes: 30 },
  initialDelay: { hours: 24 },
};

export function portalConfig(options: {
  port: number;
  dbDir: string;
  catalogFile: string;
}) {
  const base = `http://localhost:${options.port}`;
  return {
    // app-backend serves packages/app/dist when both base URLs agree.
    app: { baseUrl: base },
    backend: {
      baseUrl: base,
      listen: { port: options.port },
      cors: { origin: base },
      // One SQLite file per plugin: <dbDir>/<pluginId>.sqlite.
      database: {
        client: 'better-sqlite3',
        connection: { directory: options.dbDir },
        // The catalog in memory: ingesting 10,000 entities into a file
        // (an fsync per write) took over half an hour on the shared machine.
        plugin: { catalog: { connection: ':memory:' } },
      },
    },
    catalog: {
      rules: [{ allow: ['Component', 'System', 'Group', 'Location'] }],
      locations: [
        {
          type: 'file',
          target: options.catalogFile,
          rules: [{ allow: ['Component', 'System', 'Group'] }],
        },
      ],
      // Process once, then stay idle during the timings.
      processingInterval: { hours: 24 },
    },
    // No refresh during the timings: the seeded reports are what is shown.
    availability: { schedule: ONE_DAY_OUT },
    // No cluster: nothing on the measured pages reads Kubernetes.
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{ type: 'config', clusters: [] }],
    },
    // Keep the search collators from indexing 10,000 entities mid-run.
    search: {
      collators: {
        catalog: {
          schedule: ONE_DAY_OUT,
        },
        techdocs: {
          schedule: ONE_DAY_OUT,
        },
      },
    },
  };
}

export async function guestToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/guest/refresh`);
  const body: any = await res.json();
  const token = body?.backstageIdentity?.token;
  if (!token) {
    throw new Error(`no guest token: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return token;
}

export async function getJson(url: string, token: string): Promise<any> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  }
  return res.json();
}

/**
 * Waits until the catalog serves every Component with its ownership
 * relation stitched (a facet over relations.ownedBy counts them), so that
 * no ingestion runs during the timings.
 */
export async function waitForCatalog(
  base: string,
  backend: BackendProcess,
  count: number,
) {
  const started = Date.now();
  let token = await guestToken(base);
  let last = '';
  for (;;) {
    if (Date.now() - started > 30 * 60_000) {
      throw new Error(`catalog not ready after 30 minutes (${last})`);
    }
    // Guest tokens live an hour; a fresh one costs nothing.
    token = await guestToken(base);
    const page = await getJson(
      `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
      token,
    );
    const facets = await getJson(
      `${base}/api/catalog/entity-facets?facet=relations.ownedBy&filter=kind=component`,
      token,
    );
    const stitched = (facets.facets['relations.ownedBy'] ?? []).reduce(
      (sum: number, f: { count: number }) => sum + f.count,
      0,
    );
    const now = `${page.totalItems} components, ${stitched} with owner relations`;
    if (now !== last) {
      last = now;
      log(`  catalog: ${now}`);
    }
    if (page.totalItems >= count && stitched >= count) {
      return Date.now() - started;
    }
    const alive = await Promise.race([
      backend.exited.then(() => false),
      new Promise<boolean>(resolve => setTimeout(() => resolve(true), 3000)),
    ]);
    if (!alive) {
      throw new Error(`the backend exited:\n${tail(backend.logFile)}`);
    }
  }
}
