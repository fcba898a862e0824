import path from 'node:path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  KubeApiEmulator,
  kubernetesConfigFor,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';
import { Knex } from 'knex';
import request from 'supertest';
import { availabilityPlugin } from '../plugin';
import {
  requireVmModules,
  userAuth as auth,
  warmUpKubernetesBackend,
} from './__testUtils__/testBackend';
import { componentEntity } from '../__testUtils__/entities';
import { REFRESH_TASK_ID } from './refreshTask';

jest.setTimeout(120_000);

// Two backends need one database both can reach: PostgreSQL, as in a
// deployment with several replicas.
const hasPostgres = Boolean(
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
);
if (!hasPostgres) {
  // eslint-disable-next-line no-console
  console.warn(
    'Two backends on one database: skipped, set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to run it',
  );
}

const CLUSTERS_DIR = path.resolve(__dirname, '../__fixtures__/clusters');
const FREQUENCY_S = 3;

const entities: Entity[] = ['shop', 'cart', 'search'].map(name =>
  componentEntity(name, { owner: 'team-shop' }),
);

/** The catalog, telling which backend started a pass (a pass starts by reading it). */
function catalogFor(name: string, passes: string[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const catalog = catalogServiceMock({ entities });
      const queryEntities = catalog.queryEntities.bind(catalog);
      catalog.queryEntities = async (...args) => {
        // A pass reads whole entities; the reads of a caller's visible
        // entities ask for their refs only.
        const query = args[0] as { cursor?: string; fields?: string[] };
        if (!query?.cursor && !query?.fields) passes.push(name);
        return queryEntities(...args);
      };
      return catalog;
    },
  });
}

type Runs = Array<{ status: string; started_at: string; finished_at: string }>;

(hasPostgres ? describe : describe.skip)(
  'two backends on one PostgreSQL database',
  () => {
    const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
    let knex: Knex;
    let emulator: KubeApiEmulator;
    const passes: string[] = [];
    const backends: Record<
      string,
      Awaited<ReturnType<typeof startTestBackend>>
    > = {};

    const start = (name: string) =>
      startTestBackend({
        features: [
          availabilityPlugin,
          kubernetesPlugin,
          catalogFor(name, passes),
          schedulerServiceFactory,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              kubernetes: kubernetesConfigFor(emulator),
              availability: {
                clusterTimeout: { seconds: 5 },
                schedule: {
                  frequency: { seconds: FREQUENCY_S },
                  timeout: { seconds: 20 },
                  initialDelay: { seconds: 1 },
                },
              },
            },
          }),
        ],
      });

    const runs = async (): Promise<Runs> =>
      knex('availability_refresh_runs').orderBy('id').select();
    const reports = async (name: string) =>
      (
        await request(backends[name].server)
          .get('/api/availability/reports?orderBy=name')
          .set(auth)
          .expect(200)
      ).body;
    const summary = async (name: string) =>
      (
        await request(backends[name].server)
          .get('/api/availability/summary')
          .set(auth)
          .expect(200)
      ).body;

    beforeAll(async () => {
      requireVmModules();
      knex = await databases.init('POSTGRES_15');
      emulator = await startKubeApiEmulator({ clustersDir: CLUSTERS_DIR });
      backends.a = await start('a');
      backends.b = await start('b');
      await warmUpKubernetesBackend(backends.a.server);
      await warmUpKubernetesBackend(backends.b.server);
    });

    afterAll(async () => {
      for (const backend of Object.values(backends)) {
        await backend.stop().catch(() => {});
      }
      await emulator?.close();
    });

    it('runs the scheduled refresh once per period, not once per backend, and both serve the same reports', async () => {
      await waitFor(async () => (await runs()).length >= 3, 40_000);
      const recorded = (await runs()).filter(r => r.status !== 'running');
      expect(recorded.length).toBeGreaterThanOrEqual(2);
      for (const run of recorded) expect(run.status).toBe('succeeded');
      // One pass at a time, each recorded once.
      for (let i = 1; i < recorded.length; i++) {
        expect(Date.parse(recorded[i].started_at)).toBeGreaterThanOrEqual(
          Date.parse(recorded[i - 1].finished_at),
        );
      }
      expect(passes.length).toBe((await runs()).length);
      // Once per period: one schedule in the shared database for both
      // backends (a task each backend ran on its own would not be there).
      const tasks = await knex('backstage_backend_tasks__tasks').where(
        'id',
        REFRESH_TASK_ID,
      );
      expect(tasks).toHaveLength(1);
      // The scheduler keeps a fixed rate: a start delayed by a busy machine
      // is followed by the next on time, so allow one run beyond the span's
      // periods; a schedule per backend would give about twice as many.
      const span =
        Date.parse(recorded.at(-1)!.finished_at) -
        Date.parse(recorded[0].started_at);
      expect(recorded.length).toBeLessThanOrEqual(
        Math.floor(span / (FREQUENCY_S * 1000)) + 2,
      );

      // Only shop has workloads in the emulated clusters: cart and search
      // are stored without a score, counted apart and left out of the list.
      // Each backend reuses its answers for a few seconds, so a pass the
      // other ran in between may not show yet: the same reports, each from
      // a pass one of them recorded.
      const fromA = await reports('a');
      const fromB = await reports('b');
      expect(fromA.totalItems).toBe(1);
      expect(withoutRefreshTimes(fromB)).toEqual(withoutRefreshTimes(fromA));
      const passSpans = (await runs()).map(run => [
        Date.parse(run.started_at),
        run.finished_at ? Date.parse(run.finished_at) : Date.now(),
      ]);
      for (const item of [...fromA.items, ...fromB.items]) {
        const at = Date.parse(item.refreshedAt);
        expect(passSpans.some(([from, to]) => at >= from && at <= to)).toBe(
          true,
        );
      }
      const totals = await summary('a');
      expect(totals.unscored).toEqual({ noWorkloads: 2, notJudged: 0 });
      expect(await summary('b')).toEqual(totals);
    });

    it('loses no stored report when the backend running a pass stops, and the other completes the next one', async () => {
      // Slow clusters: a pass takes seconds, long enough to stop it midway.
      for (const cluster of emulator.clusters) {
        emulator.setFault(cluster.name, { latencyMs: 400 });
      }
      const seen = passes.length;
      await waitFor(async () => passes.length > seen, 20_000);
      const running = passes[passes.length - 1];
      const other = running === 'a' ? 'b' : 'a';
      await new Promise(resolve => setTimeout(resolve, 1_000));
      // Midway: still listing the clusters.
      expect((await runs()).at(-1)!.status).toBe('running');
      const before = await reports(other);
      expect(before.totalItems).toBe(1);
      await backends[running].stop();
      delete backends[running];

      expect(await reports(other)).toEqual(before);
      const interrupted = (await runs()).at(-1)!;
      expect(interrupted.status).toBe('interrupted');

      for (const cluster of emulator.clusters) {
        emulator.setFault(cluster.name, undefined);
      }
      // The next pass runs on the other backend and completes.
      const count = (await runs()).length;
      await waitFor(async () => {
        const all = await runs();
        return all.length > count && all.at(-1)!.status === 'succeeded';
      }, 40_000);
      expect(passes.at(-1)).toBe(other);
      const after = await reports(other);
      expect(after.totalItems).toBe(1);
      for (const [i, item] of after.items.entries()) {
        expect(item.stale).toBe(false);
        expect(Date.parse(item.refreshedAt)).toBeGreaterThan(
          Date.parse(before.items[i].refreshedAt),
        );
      }
    });
  },
);

function withoutRefreshTimes(page: { items: Array<{ refreshedAt: string }> }) {
  return {
    ...page,
    items: page.items.map(({ refreshedAt: _at, ...item }) => item),
  };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
