import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  deployment,
  fakeKubernetesBackend,
  workloadsAnswer,
} from '../__testUtils__/fakeKubernetesBackend';
import { componentEntity } from '../__testUtils__/entities';
import { startEntitySourceBackend } from './__testUtils__/entitySourceBackend';
import { asUser, userAuth as auth } from './__testUtils__/testBackend';

const entities: Entity[] = [
  componentEntity('shop-api', { lifecycle: 'production' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'docs', namespace: 'default' },
    spec: { type: 'website', owner: 'team-a', lifecycle: 'production' },
  },
];

const kube = fakeKubernetesBackend();

function healthyAnswers() {
  kube.answers.workloads = workloadsAnswer({
    'prod-eu': { deployments: [deployment('api', 3)], pods: [] },
    'prod-us': { deployments: [deployment('api', 1)] },
  });
  kube.answers.custom = { status: 200, body: { items: [] } };
}

async function start(options?: { deny?: boolean; checks?: JsonObject }) {
  return startEntitySourceBackend({
    kube,
    entities,
    config: {
      availability: {
        refresh: { requestTimeout: { seconds: 5 } },
        evaluate: { maxBodySize: '2kb' },
        checks: options?.checks,
      },
    },
    features: [
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...(options?.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
}

const protectedRoutes: Array<[string, string]> = [
  ['get', '/entities/component/default/shop-api'],
  ['post', '/entities/component/default/shop-api/refresh'],
  ['get', '/reports'],
  ['get', '/summary'],
  ['get', '/facets'],
  ['get', '/checks'],
  ['post', '/evaluate'],
  ['get', '/entities/component/default/shop-api/objects'],
  ['get', '/clusters'],
  ['get', '/clusters/prod-eu/failure-domains'],
  ['get', '/exemptions'],
  ['get', '/refresh'],
  ['post', '/refresh'],
];

describe('availability router', () => {
  beforeEach(healthyAnswers);

  it('serves /health without credentials', async () => {
    const server = await start();
    const res = await request(server).get('/api/availability/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each(protectedRoutes)(
    'answers 401 without credentials on %s %s',
    async (method, path) => {
      const server = await start();
      const res = await (request(server) as any)
        [method](`/api/availability${path}`)
        .send('kind: Pod');
      expect(res.status).toBe(401);
    },
  );

  it.each(protectedRoutes)(
    'answers 403 when the permission is denied on %s %s',
    async (method, path) => {
      const server = await start({ deny: true });
      const res = await (request(server) as any)
        [method](`/api/availability${path}`)
        .set(auth)
        .set('content-type', 'text/yaml')
        .send('kind: Pod');
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    },
  );

  it('knows no full refresh before the first one', async () => {
    const server = await start();
    const res = await asUser(server).get('/refresh');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ run: null });
  });

  it('serves an empty report for a catalog entity never refreshed, 404 for an unknown one', async () => {
    const server = await start();
    const res = await asUser(server).get(
      '/entities/component/default/shop-api',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/shop-api',
      report: null,
      clusters: [],
      refreshedAt: null,
      stale: false,
      lastError: null,
      history: [],
    });
    const missing = await asUser(server).get(
      '/entities/component/default/nope',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });

  it('refreshes an entity on demand, then lists and summarises it', async () => {
    const server = await start();
    const res = await asUser(server).post(
      '/entities/component/default/shop-api/refresh',
    );
    expect(res.status).toBe(200);
    expect(res.body.clusters).toEqual([
      { cluster: 'prod-eu', status: 'ok', lastSuccessAt: res.body.refreshedAt },
      { cluster: 'prod-us', status: 'ok', lastSuccessAt: res.body.refreshedAt },
    ]);
    expect(res.body.stale).toBe(false);
    const workloads = res.body.report.workloads;
    const replicasMin = (cluster: string) =>
      workloads
        .find((w: any) => w.cluster === cluster && w.name === 'api')
        .checks.find((c: any) => c.id === 'replicas-min').status;
    expect(replicasMin('prod-eu')).toBe('pass');
    expect(replicasMin('prod-us')).toBe('fail');
    expect(res.body.history).toHaveLength(1);

    const list = await asUser(server).get(
      '/reports?owner=team-a&failingCheck=replicas-min',
    );
    expect(list.status).toBe(200);
    expect(list.body.totalItems).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      entityRef: 'component:default/shop-api',
      owner: 'group:default/team-a',
      lifecycle: 'production',
      failingChecks: expect.arrayContaining(['replicas-min']),
    });

    const summary = await asUser(server).get('/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.totalEntities).toBe(1);
    expect(summary.body.byCheck).toEqual(
      expect.arrayContaining([{ id: 'replicas-min', failing: 1, movesUp: 0 }]),
    );

    const facets = await asUser(server).get('/facets?lifecycle=production');
    expect(facets.status).toBe(200);
    expect(facets.body.owner).toEqual([
      { value: 'group:default/team-a', count: 1 },
    ]);
    expect(facets.body.failingCheck).toEqual(
      expect.arrayContaining([{ value: 'replicas-min', count: 1 }]),
    );
    const sorted = await asUser(server).get('/reports?orderBy=level');
    expect(sorted.status).toBe(200);
    expect(sorted.body.totalItems).toBe(1);
  });

  it('reports a failing cluster as such and evaluates the others', async () => {
    const server = await start();
    (kube.answers.workloads.body as any).items[1] = {
      cluster: { name: 'prod-us' },
      resources: [],
      errors: [
        {
          errorType: 'UNKNOWN_ERROR',
          statusCode: 403,
          resourcePath: '/apis/apps/v1/deployments',
        },
      ],
      podMetrics: [],
    };
    const res = await asUser(server).post(
      '/entities/component/default/shop-api/refresh',
    );
    expect(res.status).toBe(200);
    expect(res.body.clusters).toEqual([
      { cluster: 'prod-eu', status: 'ok', lastSuccessAt: res.body.refreshedAt },
      {
        cluster: 'prod-us',
        status: 'error',
        message: '403 Forbidden on /apis/apps/v1/deployments',
      },
    ]);
    expect(res.body.report.workloads.map((w: any) => w.cluster)).not.toContain(
      'prod-us',
    );
  });

  it('keeps the last report, stale, when the kubernetes backend fails', async () => {
    const server = await start();
    await asUser(server)
      .post('/entities/component/default/shop-api/refresh')
      .expect(200);
    kube.answers.workloads = {
      status: 500,
      body: {
        error: { name: 'Error', message: 'boom' },
        request: { method: 'POST', url: '/resources/workloads/query' },
        response: { statusCode: 500 },
      },
    };
    const res = await asUser(server).post(
      '/entities/component/default/shop-api/refresh',
    );
    expect(res.status).toBe(200);
    expect(res.body.stale).toBe(true);
    expect(res.body.report).not.toBeNull();
    expect(res.body.lastError.message).toBe(
      'the kubernetes backend answered 500: boom',
    );
    expect(res.body.clusters.map((c: any) => c.status)).toEqual([
      'error',
      'error',
    ]);
  });

  it('refuses to refresh an entity without Kubernetes annotations', async () => {
    const server = await start();
    const res = await asUser(server).post(
      '/entities/component/default/docs/refresh',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/backstage.io\/kubernetes-id/);
  });

  it.each([
    ['/reports?limit=0', /limit/],
    ['/reports?limit=501', /limit/],
    ['/reports?limit=ten', /limit/],
    ['/reports?orderBy=owner', /orderBy/],
    ['/reports?order=up', /order/],
    ['/reports?level=platinum', /level/],
    ['/reports?owner[a]=b', /owner/],
    ['/reports?unknown=1', /unknown/],
    ['/reports?cursor=not-a-cursor', /Invalid cursor/],
    ['/reports?owner=group:default/', /owner/],
    ['/summary?level=gold,shiny', /level/],
    ['/summary?limit=5', /limit/],
    ['/facets?level=shiny', /level/],
  ])('answers 400 with a message for GET %s', async (path, message) => {
    const server = await start();
    const res = await asUser(server).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it.each([
    ['application/json', '{"manifests": ', /Malformed JSON/],
    ['application/json', '{"manifests": 3}', /manifests/],
    ['text/yaml', '   ', /no manifests/],
    ['application/octet-stream', 'kind: Pod', /Send manifests/],
  ])(
    'answers 400 with a message for POST /evaluate as %s %j',
    async (type, body, message) => {
      const server = await start();
      const res = await asUser(server)
        .post('/evaluate')
        .set('content-type', type)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('answers 413 on a body over the configured size', async () => {
    const server = await start();
    const res = await asUser(server)
      .post('/evaluate')
      .set('content-type', 'text/yaml')
      .send(`# ${'x'.repeat(4096)}\nkind: Pod\n`);
    expect(res.status).toBe(413);
  });

  it('evaluates YAML with errors, reporting them beside the rest', async () => {
    const server = await start();
    const yaml = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: api, namespace: shop}',
      'spec:',
      '  replicas: 1',
      '  selector: {matchLabels: {app: api}}',
      '  template:',
      '    metadata: {labels: {app: api}}',
      '    spec: {containers: [{name: api, image: "api:1"}]}',
      '---',
      'kind: [unterminated',
    ].join('\n');
    const res = await asUser(server)
      .post('/evaluate')
      .set('content-type', 'text/yaml')
      .send(yaml);
    expect(res.status).toBe(200);
    expect(res.body.workloads).toHaveLength(1);
    expect(res.body.workloads[0]).toMatchObject({
      kind: 'Deployment',
      name: 'api',
    });
    expect(res.body.workloads[0].cluster).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].source).toBe('request');
  });

  it('evaluates Kubernetes objects sent as JSON', async () => {
    const server = await start();
    const res = await asUser(server)
      .post('/evaluate')
      .send([
        { apiVersion: 'apps/v1', kind: 'Deployment', ...deployment('api', 2) },
      ]);
    expect(res.status).toBe(200);
    expect(res.body.workloads.map((w: any) => w.name)).toEqual(['api']);
  });

  it('serves the checks as this backend configures them', async () => {
    const server = await start({
      checks: {
        'pdb-present': { severity: 'low' },
        'replicas-min': { enabled: false },
      },
    });
    const res = await asUser(server).get('/checks');
    expect(res.status).toBe(200);
    const byId = new Map(
      res.body.items.map((check: { id: string }) => [check.id, check]),
    );
    expect(byId.get('pdb-present')).toMatchObject({
      severity: 'low',
      enabled: true,
    });
    expect(byId.get('replicas-min')).toMatchObject({ enabled: false });
    expect(byId.get('probe-readiness')).toMatchObject({ enabled: true });
  });

  it('serves the check catalog', async () => {
    const server = await start();
    const res = await asUser(server).get('/checks');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        severity: expect.any(String),
      }),
    );
  });

  it('lists the reports of the given entities in one request', async () => {
    const server = await start();
    await asUser(server).post('/entities/component/default/shop-api/refresh');
    const res = await request(server)
      .get('/api/availability/reports')
      .query('entityRef=shop-api&entityRef=component:default/docs&limit=2')
      .set(auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/shop-api',
    ]);

    const tooMany = await request(server)
      .get('/api/availability/reports')
      .query({
        entityRef: Array.from({ length: 501 }, (_, i) => `c${i}`).join(','),
      })
      .set(auth);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 500 entity refs/);
  });

  describe('failure domains', () => {
    function pod(name: string, node: string) {
      return {
        metadata: {
          name,
          namespace: 'shop',
          labels: { app: 'api' },
          ownerReferences: [{ kind: 'ReplicaSet', name: 'api-5d8f' }],
        },
        spec: { nodeName: node },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      };
    }

    beforeEach(() => {
      const exempted = deployment('api', 3);
      Object.assign(exempted.metadata, {
        annotations: {
          'availability.backstage.io/exempt': 'spread-nodes',
          'availability.backstage.io/exempt-reason': 'pinned to GPU nodes',
        },
      });
      Object.assign(exempted.spec.template.spec.containers[0], {
        env: [{ name: 'API_TOKEN', value: 'plain-text' }],
      });
      kube.answers.workloads = workloadsAnswer({
        'prod-eu': {
          deployments: [exempted],
          pods: [
            pod('api-5d8f-a', 'eu-1'),
            pod('api-5d8f-b', 'eu-1'),
            pod('api-5d8f-c', 'eu-1'),
          ],
        },
      });
    });

    it('serves clusters, blast radius, drain readiness, the ledger and the simulator objects', async () => {
      const server = await start();
      await asUser(server)
        .post('/entities/component/default/shop-api/refresh')
        .expect(200);

      const clusters = await asUser(server).get('/clusters');
      expect(clusters.status).toBe(200);
      expect(clusters.body.items).toEqual([
        {
          cluster: 'prod-eu',
          nodes: null,
          zones: null,
          entities: 1,
          refreshedAt: expect.any(String),
        },
      ]);

      const domains = await asUser(server).get(
        '/clusters/prod-eu/failure-domains',
      );
      expect(domains.status).toBe(200);
      expect(domains.body.blastRadius.nodes).toEqual([
        expect.objectContaining({
          name: 'eu-1',
          services: [
            {
              entityRef: 'component:default/shop-api',
              impact: 'dark',
              workloads: ['Deployment shop/api'],
            },
          ],
        }),
      ]);
      expect(domains.body.blastRadius.missing).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Node list of prod-eu could not be read'),
        ]),
      );
      expect(domains.body.drainReadiness).toMatchObject({
        safe: false,
        nodes: [
          {
            node: 'eu-1',
            findings: [
              expect.objectContaining({
                issue: 'drops-to-zero',
                pods: ['api-5d8f-a', 'api-5d8f-b', 'api-5d8f-c'],
              }),
            ],
          },
        ],
      });

      const ledger = await asUser(server).get(
        '/exemptions?owner=team-a&horizonDays=30',
      );
      expect(ledger.status).toBe(200);
      expect(ledger.body).toEqual({
        horizonDays: 30,
        items: [
          expect.objectContaining({
            entityRef: 'component:default/shop-api',
            owner: 'group:default/team-a',
            check: 'spread-nodes',
            origin: 'object',
            reason: 'pinned to GPU nodes',
            until: null,
            flag: 'never expires',
          }),
        ],
      });
      const otherOwner = await asUser(server).get('/exemptions?owner=team-b');
      expect(otherOwner.body.items).toEqual([]);

      const objects = await asUser(server).get(
        '/entities/component/default/shop-api/objects',
      );
      expect(objects.status).toBe(200);
      const stored = objects.body.objects.find(
        (o: any) => o.object.kind === 'Deployment',
      );
      expect(stored.cluster).toBe('prod-eu');
      expect(stored.object.spec.template.spec.containers[0].env).toEqual([
        { name: 'API_TOKEN', value: '(redacted)' },
      ]);
    });

    it('answers 404 for an unknown cluster and 400 for a bad horizon', async () => {
      const server = await start();
      const unknown = await asUser(server).get(
        '/clusters/nowhere/failure-domains',
      );
      expect(unknown.status).toBe(404);
      const bad = await asUser(server).get('/exemptions?horizonDays=0');
      expect(bad.status).toBe(400);
      expect(bad.body.error.name).toBe('InputError');
      const none = await asUser(server).get(
        '/entities/component/default/shop-api/objects',
      );
      expect(none.status).toBe(404);
    });
  });
});
