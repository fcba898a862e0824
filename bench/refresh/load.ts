/*
 * The refresh suite's sustained load: 10,000 stored reports, then each
 * read route at a fixed rate from a separate process.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { evaluate } from '@availability-backstage/plugin-availability-common';
import { DatabaseAvailabilityStore } from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import { createRandom } from '../lib/corpus';
import { startEmulatorProcess } from '../lib/emulatorProcess';
import {
  generateServiceEntities,
  okStatuses,
  serviceObjects,
  storedEntity,
} from '../lib/backendFixtures';
import { round } from '../lib/results';
import type { BenchRow } from '../lib/results';
import { auth, CLUSTERS, log } from '../lib/benchBackend';
import { getJson } from '../lib/benchBackend';
import { startBackend, toEntity } from './backend';

export const LOAD_REPORTS = 10_000;

export const LOAD_RATE = 200;

export const LOAD_SECONDS = 60;

/** 10,000 stored reports, then each route at a fixed rate from another process. */
export async function measureLoad(clustersDir: string): Promise<BenchRow[]> {
  log(
    `load: ${LOAD_REPORTS} reports, ${LOAD_RATE} req/s for ${LOAD_SECONDS} s`,
  );
  const emulator = await startEmulatorProcess(clustersDir, CLUSTERS.length);
  const generated = generateServiceEntities({
    count: LOAD_REPORTS,
    owners: 40,
    systems: 150,
    seed: 9,
  });
  // The catalog holds the entities: reports follow catalog visibility, so
  // without them every route would answer an empty page.
  const started = await startBackend({
    emulator,
    entities: generated.map(toEntity),
    source: 'cluster',
  });
  const rows: BenchRow[] = [];
  try {
    const store = await DatabaseAvailabilityStore.create({
      database: started.database,
    });
    const random = createRandom(31);
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
    const listed = await getJson(
      `${started.base}/api/availability/reports?limit=20`,
    );
    if (listed.totalItems !== LOAD_REPORTS || listed.items.length !== 20) {
      throw new Error(
        `GET /reports lists ${listed.totalItems} reports, not ${LOAD_REPORTS}`,
      );
    }
    const generator = path.join(__dirname, '..', 'lib', 'loadGenerator.mjs');
    // What an org page asks: the whole org, and each team's view of it.
    const owners = [...new Set(generated.map(e => e.owner))].slice(0, 19);
    const views = (route: string) => [
      `${started.base}${route}`,
      ...owners.map(
        o =>
          `${started.base}${route}${route.includes('?') ? '&' : '?'}owner=${o}`,
      ),
    ];
    for (const [name, urls] of [
      ['GET /reports', views('/api/availability/reports?limit=20')],
      ['GET /summary', views('/api/availability/summary')],
    ] as const) {
      // A separate process, run asynchronously: this one serves the requests.
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [
          generator,
          String(LOAD_RATE),
          String(LOAD_SECONDS),
          auth.Authorization,
          ...urls,
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
      const stats = result.all;
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
