import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { REFRESH_TASK_ID } from './refreshTask';
import {
  checkStatuses,
  EmulatedBackend,
  startEmulatedBackend,
  workloadOf as workload,
} from './__testUtils__/emulatedBackend';
import { userAuth as auth } from './__testUtils__/testBackend';
import { componentEntity } from '../__testUtils__/entities';

jest.setTimeout(60_000);

const shop = componentEntity('shop', {
  owner: 'team-shop',
  lifecycle: 'production',
});

// Two more entities over the same clusters, found by label selector.
const [shopApi, shopWorker] = ['shop-api', 'shop-worker'].map(
  (name): Entity => ({
    ...shop,
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-label-selector': `app=${name}` },
    },
  }),
);

// The fixture clusters' zones (src/__fixtures__/clusters/*/cluster.yaml):
// shop-api's 3 pods span 3 zones on prod-eu, 2 on staging, 1 on prod-us.
const ZONE_VERDICTS: Record<string, string> = {
  'prod-eu': 'pass',
  'prod-us': 'fail',
  staging: 'pass',
};

const REFRESH = '/api/availability/entities/component/default/shop/refresh';

describe('availability backend against the real kubernetes backend', () => {
  let emulator: EmulatedBackend['emulator'];
  let server: EmulatedBackend['server'];
  // The availability plugin's scheduler: the mock one, whose triggerTask
  // runs the task and resolves when it is done.
  let probe: EmulatedBackend['probe'];
  // Whether the kubernetes backend denies its proxy (as a permission policy
  // or a service's access restrictions would); everything else is allowed.
  let denyProxy = false;
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result:
          denyProxy && r.permission.name === kubernetesProxyPermission.name
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  });

  beforeAll(async () => {
    ({ emulator, server, probe } = await startEmulatedBackend({
      entities: [shop, shopApi, shopWorker],
      availability: {
        // The per-entity source; clusterSource.integration.test.ts covers
        // the cluster-wide one.
        source: 'entity',
        // Every on-demand refresh lists Nodes afresh, so that tests do not
        // depend on each other's cached lists.
        refresh: {
          requestTimeout: { seconds: 3 },
          nodeCacheTtl: { seconds: 0 },
        },
      },
      features: [permissions.factory],
    }));
  });

  afterAll(async () => {
    await emulator?.close();
  });

  beforeEach(() => {
    denyProxy = false;
    for (const cluster of emulator.clusters) {
      emulator.setFault(cluster.name, undefined);
    }
  });

  const checksOf = (body: any, cluster: string, name = 'shop-api') =>
    checkStatuses(body, cluster, name);

  it('evaluates the objects of every cluster', async () => {
    const before = emulator.requestCount();
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.clusters).toEqual(
      ['prod-eu', 'prod-us', 'staging'].map(cluster => ({
        cluster,
        status: 'ok',
        lastSuccessAt: res.body.refreshedAt,
      })),
    );
    for (const cluster of ['prod-eu', 'prod-us', 'staging']) {
      expect(checksOf(res.body, cluster)).toMatchObject({
        'replicas-min': 'pass',
        'probe-readiness': 'pass',
      });
      expect(checksOf(res.body, cluster, 'shop-worker')).toMatchObject({
        'replicas-min': 'fail',
        'probe-readiness': 'fail',
      });
    }
    // 13 default object types, 2 custom resources and the Node list per
    // cluster.
    expect(emulator.requestCount() - before).toBe(3 * (15 + 1));
  });

  it('judges zone spread from the Nodes listed through the proxy', async () => {
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    for (const [cluster, verdict] of Object.entries(ZONE_VERDICTS)) {
      expect(checksOf(res.body, cluster)).toMatchObject({
        'runtime-zone-spread': verdict,
        'runtime-node-spread': 'pass',
      });
    }
    const zonesOf = (cluster: string) =>
      workload(res.body, cluster, 'shop-api')
        .evidence.pods.map((p: any) => p.zone)
        .sort();
    expect(zonesOf('prod-eu')).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    expect(zonesOf('prod-us')).toEqual([
      'us-east-1a',
      'us-east-1a',
      'us-east-1a',
    ]);
    expect(workload(res.body, 'staging', 'shop-worker').evidence.pods).toEqual([
      expect.objectContaining({ zone: expect.stringMatching(/^eu-central-1/) }),
    ]);
  });

  it("lists each cluster's Nodes once per scheduled pass", async () => {
    const before = emulator.requestCount();
    await probe.scheduler.triggerTask(REFRESH_TASK_ID);
    // 3 entities x 3 clusters x 15 object lists, and one Node list per
    // cluster (not per entity).
    expect(emulator.requestCount() - before).toBe(3 * 3 * 15 + 3);

    for (const name of ['shop', 'shop-api']) {
      const res = await request(server)
        .get(`/api/availability/entities/component/default/${name}`)
        .set(auth)
        .expect(200);
      for (const [cluster, verdict] of Object.entries(ZONE_VERDICTS)) {
        expect(checksOf(res.body, cluster)).toMatchObject({
          'runtime-zone-spread': verdict,
        });
      }
    }
  });

  it('keeps clusters ok and zones unknown when the proxy is denied', async () => {
    denyProxy = true;
    const before = emulator.requestCount();
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(false);
    expect(res.body.lastError).toBeNull();
    expect(res.body.clusters.map((c: any) => c.status)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    for (const cluster of Object.keys(ZONE_VERDICTS)) {
      expect(checksOf(res.body, cluster)).toMatchObject({
        'runtime-zone-spread': 'unknown',
        'runtime-node-spread': 'pass',
      });
      expect(
        workload(res.body, cluster, 'shop-api').evidence.pods.map(
          (p: any) => p.zone,
        ),
      ).toEqual([undefined, undefined, undefined]);
    }
    // The denied proxy never reached the clusters.
    expect(emulator.requestCount() - before).toBe(3 * 15);
  });

  it.each([
    ['500', { status: 500 as const }, /^500 Internal Server Error on /],
    ['403', { status: 403 as const }, /^403 Forbidden on /],
    ['malformed JSON', { malformedJson: true }, /^request failed: /],
    ['a dropped connection', { timeout: 200 }, /^request failed: /],
  ])('isolates a cluster answering %s', async (_name, fault, message) => {
    const good = await request(server).post(REFRESH).set(auth).expect(200);
    emulator.setFault('prod-us', fault);
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(false);
    const statuses = Object.fromEntries(
      res.body.clusters.map((c: any) => [c.cluster, c]),
    );
    expect(statuses['prod-eu'].status).toBe('ok');
    expect(statuses.staging.status).toBe('ok');
    expect(statuses['prod-us'].status).toBe('error');
    expect(statuses['prod-us'].message).toMatch(message);
    // Its workloads stay as they were when it last answered, marked stale.
    expect(statuses['prod-us']).toMatchObject({
      stale: true,
      lastSuccessAt: good.body.refreshedAt,
    });
    const kept = (body: any) =>
      body.report.workloads.filter((w: any) => w.cluster === 'prod-us');
    expect(kept(res.body)).toEqual(kept(good.body));
    expect(statuses['prod-eu'].lastSuccessAt).toBe(res.body.refreshedAt);
  });

  it('keeps the previous report, stale, when every cluster fails', async () => {
    const good = await request(server).post(REFRESH).set(auth);
    expect(good.body.stale).toBe(false);
    for (const cluster of emulator.clusters) {
      emulator.setFault(cluster.name, { status: 500 });
    }
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(true);
    expect(res.body.refreshedAt).toBe(good.body.refreshedAt);
    expect(res.body.report).toEqual(good.body.report);
    expect(res.body.lastError.message).toMatch(/^No cluster answered: /);
    expect(res.body.clusters.map((c: any) => c.status)).toEqual([
      'error',
      'error',
      'error',
    ]);
  });

  it('keeps the previous report, stale, when a cluster never answers', async () => {
    await request(server).post(REFRESH).set(auth).expect(200);
    // The kubernetes backend waits for every cluster, so a hung cluster
    // stalls the whole query until our request timeout.
    emulator.setFault('staging', { timeout: true });
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(true);
    expect(res.body.report).not.toBeNull();
    expect(res.body.lastError.message).toMatch(/did not answer within 3s/);
  });
});
