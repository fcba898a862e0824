import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  KubeApiEmulator,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';
import request from 'supertest';
import { availabilityPlugin } from '../plugin';

jest.setTimeout(60_000);

const CLUSTERS_DIR = path.resolve(__dirname, '../__fixtures__/clusters');

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'shop' },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};

const auth = { Authorization: mockCredentials.user.header() };
const REFRESH = '/api/availability/entities/component/default/shop/refresh';

describe('availability backend against the real kubernetes backend', () => {
  let emulator: KubeApiEmulator;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    // The kubernetes backend imports the ESM-only @kubernetes/client-node
    // with import(), which Jest only supports with this flag.
    if (!process.env.NODE_OPTIONS?.includes('--experimental-vm-modules')) {
      throw new Error(
        'Run this suite with NODE_OPTIONS=--experimental-vm-modules: the kubernetes backend loads @kubernetes/client-node with a dynamic import()',
      );
    }
    emulator = await startKubeApiEmulator({ clustersDir: CLUSTERS_DIR });
    const backend = await startTestBackend({
      features: [
        availabilityPlugin,
        kubernetesPlugin,
        catalogServiceMock.factory({ entities: [shop] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: emulator.clusters.map(c => ({
                    name: c.name,
                    url: c.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: c.token,
                    skipTLSVerify: true,
                    skipMetricsLookup: true,
                  })),
                },
              ],
            },
            availability: {
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
              refresh: { requestTimeout: { seconds: 3 } },
            },
          },
        }),
      ],
    });
    server = backend.server;
    // The kubernetes backend loads its client library on first use, which
    // takes seconds under Jest; warm it up outside the timed requests.
    await request(server)
      .post('/api/kubernetes/resources/workloads/query')
      .set(auth)
      .send({ entityRef: 'component:default/shop' })
      .expect(200);
  });

  afterAll(async () => {
    await emulator?.close();
  });

  beforeEach(() => {
    for (const cluster of emulator.clusters) {
      emulator.setFault(cluster.name, undefined);
    }
  });

  const checkStatus = (body: any, cluster: string, name: string, id: string) =>
    body.report.workloads
      .find((w: any) => w.cluster === cluster && w.name === name)
      ?.checks.find((c: any) => c.id === id)?.status;

  it('evaluates the objects of every cluster', async () => {
    const before = emulator.requestCount();
    const res = await request(server).post(REFRESH).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.clusters).toEqual([
      { cluster: 'prod-eu', status: 'ok' },
      { cluster: 'prod-us', status: 'ok' },
      { cluster: 'staging', status: 'ok' },
    ]);
    for (const cluster of ['prod-eu', 'prod-us', 'staging']) {
      expect(checkStatus(res.body, cluster, 'shop-api', 'replicas-min')).toBe(
        'pass',
      );
      expect(
        checkStatus(res.body, cluster, 'shop-api', 'probe-readiness'),
      ).toBe('pass');
      expect(
        checkStatus(res.body, cluster, 'shop-worker', 'replicas-min'),
      ).toBe('fail');
      expect(
        checkStatus(res.body, cluster, 'shop-worker', 'probe-readiness'),
      ).toBe('fail');
    }
    // 13 default object types and 2 custom resources per cluster.
    expect(emulator.requestCount() - before).toBe(3 * 15);
  });

  it.each([
    ['500', { status: 500 as const }, /^500 Internal Server Error on /],
    ['403', { status: 403 as const }, /^403 Forbidden on /],
    ['malformed JSON', { malformedJson: true }, /^request failed: /],
    ['a dropped connection', { timeout: 200 }, /^request failed: /],
  ])(
    'isolates a cluster answering %s',
    async (_name, fault, message) => {
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
      const clusters = new Set(res.body.report.workloads.map((w: any) => w.cluster));
      expect([...clusters].sort()).toEqual(['prod-eu', 'staging']);
    },
  );

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
