import { Entity } from '@backstage/catalog-model';
import { EmulatorFault } from '@availability-backstage/demo-cluster';
import request from 'supertest';
import { REFRESH_TASK_ID } from './refreshTask';
import {
  checkStatuses,
  EmulatedBackend,
  startEmulatedBackend,
} from './__testUtils__/emulatedBackend';
import { asUser, userAuth as auth } from './__testUtils__/testBackend';
import { componentEntity } from '../__testUtils__/entities';

jest.setTimeout(90_000);

const CLUSTERS = ['prod-eu', 'prod-us', 'staging'];

function component(name: string, annotations: Record<string, string>): Entity {
  return componentEntity(name, {
    owner: 'team-shop',
    lifecycle: 'production',
    annotations,
  });
}

const shop = component('shop', { 'backstage.io/kubernetes-id': 'shop' });
const shopApi = component('shop-api', {
  'backstage.io/kubernetes-label-selector': 'app=shop-api',
  'backstage.io/kubernetes-namespace': 'shop',
});
// Entities with nothing on any cluster: they must not cost a request.
const idle = Array.from({ length: 20 }, (_, i) =>
  component(`idle-${i}`, { 'backstage.io/kubernetes-id': `idle-${i}` }),
);

// Per pass and cluster: 11 object types (Rollouts and ScaledObjects answer
// 404 once: no such CRDs in the emulator) and one Node list.
const REQUESTS_PER_CLUSTER = 12;

describe('the cluster-wide source against the real kubernetes backend', () => {
  let emulator: EmulatedBackend['emulator'];
  let server: EmulatedBackend['server'];
  let probe: EmulatedBackend['probe'];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    ({ emulator, server, probe } = await startEmulatedBackend({
      entities: [shop, shopApi, ...idle],
      availability: { clusterTimeout: { seconds: 2 } },
    }));
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await emulator?.close();
  });

  beforeEach(() => {
    for (const cluster of CLUSTERS) emulator.setFault(cluster, undefined);
  });

  afterEach(() => {
    if (unhandled.length) {
      throw new Error(`Unhandled rejections: ${unhandled.join('; ')}`);
    }
  });

  const pass = async () => {
    const before = emulator.requestCount();
    await probe.scheduler.triggerTask(REFRESH_TASK_ID);
    return emulator.requestCount() - before;
  };
  const report = async (name = 'shop') =>
    (
      await request(server)
        .get(`/api/availability/entities/component/default/${name}`)
        .set(auth)
        .expect(200)
    ).body;
  const lastRun = async () =>
    (await asUser(server).get('/refresh').expect(200)).body.run;
  const byCluster = (body: any) =>
    Object.fromEntries(body.clusters.map((c: any) => [c.cluster, c]));
  const checkStatus = (body: any, cluster: string, name: string, id: string) =>
    checkStatuses(body, cluster, name)[id];

  it('lists each object type once per cluster and pass, whatever the number of entities', async () => {
    expect(await pass()).toBe(CLUSTERS.length * REQUESTS_PER_CLUSTER);

    const body = await report();
    expect(body.stale).toBe(false);
    expect(body.clusters).toEqual(
      CLUSTERS.map(cluster => ({
        cluster,
        status: 'ok',
        lastSuccessAt: body.refreshedAt,
      })),
    );
    for (const cluster of CLUSTERS) {
      expect(checkStatus(body, cluster, 'shop-api', 'replicas-min')).toBe(
        'pass',
      );
      expect(checkStatus(body, cluster, 'shop-worker', 'replicas-min')).toBe(
        'fail',
      );
    }
    // Found by label selector, narrowed to its namespace.
    const api = await report('shop-api');
    expect(
      [...new Set(api.report.workloads.map((w: any) => w.name))].sort(),
    ).toEqual(['shop-api']);

    const run = await lastRun();
    expect(run).toMatchObject({
      status: 'succeeded',
      entities: { total: 22, ok: 22, failed: 0, removed: 0 },
      clusters: CLUSTERS.map(cluster => ({
        cluster,
        status: 'ok',
        requests: REQUESTS_PER_CLUSTER,
      })),
      errors: [],
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });

  it.each<[string, EmulatorFault, RegExp]>([
    ['hangs', { timeout: true }, /^no answer within 2s$/],
    ['answers 401', { status: 401 }, /^401 Unauthorized/],
    ['answers 403', { status: 403 }, /^403 Forbidden: forbidden: /],
    ['answers 500', { status: 500 }, /^500 Internal Server Error: /],
    ['answers malformed JSON', { malformedJson: true }, /not JSON/],
    ['drops the connection', { timeout: 200 }, /^5\d\d |^request failed/],
  ])(
    'keeps the last good entries of a cluster that %s, stale, and the others fresh',
    async (_name, fault, message) => {
      await pass();
      const good = await report();

      emulator.setFault('prod-us', fault);
      await pass();
      const body = await report();
      expect(body.stale).toBe(false);
      expect(body.lastError).toBeNull();
      expect(body.refreshedAt).not.toBe(good.refreshedAt);
      const clusters = byCluster(body);
      expect(clusters['prod-us']).toEqual({
        cluster: 'prod-us',
        status: 'error',
        message: expect.stringMatching(message),
        lastSuccessAt: good.refreshedAt,
        stale: true,
      });
      for (const cluster of ['prod-eu', 'staging']) {
        expect(clusters[cluster]).toEqual({
          cluster,
          status: 'ok',
          lastSuccessAt: body.refreshedAt,
        });
      }
      const of = (b: any, cluster: string) =>
        b.report.workloads.filter((w: any) => w.cluster === cluster);
      expect(of(body, 'prod-us')).toEqual(of(good, 'prod-us'));
      expect(body.report.score).toBe(good.report.score);

      const run = await lastRun();
      expect(run.status).toBe('succeeded');
      expect(run.entities).toMatchObject({ ok: 22, failed: 0 });
      expect(
        run.clusters.find((c: any) => c.cluster === 'prod-us'),
      ).toMatchObject({
        status: 'error',
        message: expect.stringMatching(message),
      });

      // Recovery on the next pass.
      emulator.setFault('prod-us', undefined);
      await pass();
      const recovered = await report();
      expect(
        recovered.clusters.map((c: any) => [c.cluster, c.status, c.stale]),
      ).toEqual(CLUSTERS.map(c => [c, 'ok', undefined]));
    },
  );

  it('names every cluster it asked for an entity that none runs', async () => {
    await pass();
    const body = await report('idle-0');
    expect(body.report).toMatchObject({ score: null, workloads: [] });
    expect(body.clusters).toEqual(
      CLUSTERS.map(cluster => ({
        cluster,
        status: 'ok',
        lastSuccessAt: body.refreshedAt,
      })),
    );
    // With one cluster down it still has no workloads in the others, and
    // the one that failed says so.
    emulator.setFault('prod-us', { status: 500 });
    await pass();
    const down = await report('idle-1');
    expect(down.report).toMatchObject({ score: null, workloads: [] });
    expect(down.clusters.map((c: any) => [c.cluster, c.status])).toEqual([
      ['prod-eu', 'ok'],
      ['prod-us', 'error'],
      ['staging', 'ok'],
    ]);
    // An entity that runs somewhere lists only the clusters that run it.
    const api = await report('shop-api');
    expect(api.clusters.length).toBeGreaterThan(0);
    for (const status of api.clusters) {
      expect(
        api.report.workloads.some((w: any) => w.cluster === status.cluster),
      ).toBe(true);
    }
  });

  it('keeps every report, stale, when all clusters are down, and recovers', async () => {
    await pass();
    const good = await report();
    for (const cluster of CLUSTERS) {
      emulator.setFault(cluster, { status: 500 });
    }
    await pass();
    const body = await report();
    expect(body.stale).toBe(true);
    expect(body.report).toEqual(good.report);
    expect(body.refreshedAt).toBe(good.refreshedAt);
    expect(body.lastError.message).toMatch(/^No cluster answered: /);
    expect(body.clusters.map((c: any) => [c.status, c.lastSuccessAt])).toEqual(
      CLUSTERS.map(() => ['error', good.refreshedAt]),
    );
    // Idle entities had nothing anywhere; they are not made up either.
    const run = await lastRun();
    expect(run.entities.failed).toBeGreaterThanOrEqual(2);
    expect(run.clusters.map((c: any) => c.status)).toEqual([
      'error',
      'error',
      'error',
    ]);

    for (const cluster of CLUSTERS) emulator.setFault(cluster, undefined);
    await pass();
    const recovered = await report();
    expect(recovered.stale).toBe(false);
    expect(recovered.lastError).toBeNull();
  });

  it('loses nothing while the database refuses writes, and catches up after', async () => {
    await pass();
    const good = await report();
    const knex = await probe.database.getClient();
    await knex.raw('PRAGMA query_only = ON');
    try {
      emulator.setFault('prod-eu', { status: 500 });
      await pass();
      // Reads still work, and show the last stored state.
      expect(await report()).toEqual(good);
    } finally {
      await knex.raw('PRAGMA query_only = OFF');
    }
    await pass();
    const after = await report();
    expect(after.refreshedAt).not.toBe(good.refreshedAt);
    expect(byCluster(after)['prod-eu']).toMatchObject({
      status: 'error',
      stale: true,
      lastSuccessAt: good.refreshedAt,
    });
  });

  it('starts a full refresh on POST /refresh and says so on GET /refresh', async () => {
    const res = await asUser(server).post('/refresh');
    expect(res.status).toBe(202);
    const run = await lastRun();
    expect(run.status).toBe('succeeded');
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(
      Date.parse(run.startedAt),
    );
  });

  it('answers 409 to POST /refresh while a refresh runs', async () => {
    emulator.setFault('staging', { latencyMs: 300 });
    const running = probe.scheduler.triggerTask(REFRESH_TASK_ID);
    await waitFor(async () => (await lastRun()).status === 'running');
    const res = await asUser(server).post('/refresh');
    expect(res.status).toBe(409);
    expect(res.body.error.name).toBe('ConflictError');
    await running;
    expect((await lastRun()).status).toBe('succeeded');
  });
});

async function waitFor(condition: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  throw new Error('condition not met');
}
