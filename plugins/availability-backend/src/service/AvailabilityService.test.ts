import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseAvailabilityStore } from '../database/DatabaseAvailabilityStore';
import { AvailabilityService } from './AvailabilityService';
import {
  EntityObjects,
  KubernetesObjectsSource,
} from './KubernetesObjectsSource';
import { KubernetesSourceError } from './KubernetesBackendObjectsSource';
import { ClusterNodesResult, ClusterNodesSource } from './ClusterNodesSource';
import { componentEntity } from '../__testUtils__/entities';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** What a source is asked for one entity. */
type EntityRequest = Parameters<KubernetesObjectsSource['getEntityObjects']>[0];

function annotations(name: string, annotated: boolean): Record<string, string> {
  if (!annotated) {
    return {};
  }
  if (name.startsWith('sel-')) {
    return { 'backstage.io/kubernetes-label-selector': `app=${name}` };
  }
  return { 'backstage.io/kubernetes-id': name };
}

function component(name: string, annotated = true): Entity {
  return componentEntity(name, {
    system: 'shop',
    annotations: annotations(name, annotated),
  });
}

function deployment(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: `${name}:1.0.0` }] },
      },
    },
  };
}

/** Answers per entity name; tracks how many calls run at once. */
class FakeSource implements KubernetesObjectsSource {
  running = 0;
  peak = 0;
  failing = new Set<string>();
  /** Names whose prod-us answers 500 (besides the "-split" ones). */
  splitting = new Set<string>();

  async getEntityObjects({
    entity,
    onKubeRequests,
  }: EntityRequest): Promise<EntityObjects> {
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    await new Promise(resolve => setTimeout(resolve, 5));
    this.running -= 1;
    const name = entity.metadata.name;
    if (this.failing.has(name)) {
      throw new KubernetesSourceError('the kubernetes backend answered 503', 2);
    }
    onKubeRequests?.('prod-eu', 15);
    onKubeRequests?.('prod-us', 15);
    if (name.startsWith('undeployed-')) {
      return {
        clusters: ['prod-eu', 'prod-us'].map(cluster => ({
          cluster,
          status: 'ok' as const,
          objects: [],
        })),
      };
    }
    return {
      clusters: [
        {
          cluster: 'prod-eu',
          status: 'ok',
          objects: [deployment(name, 3)],
        },
        name.endsWith('-split') || this.splitting.has(name)
          ? {
              cluster: 'prod-us',
              status: 'error',
              message: this.splitting.has(name)
                ? '500 Internal Server Error'
                : '403 Forbidden',
            }
          : {
              cluster: 'prod-us',
              status: 'ok',
              objects: [deployment(name, 1)],
            },
      ],
    };
  }
}

async function setup(entities: Entity[]) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseAvailabilityStore.create({
    database: { getClient: async () => knex },
  });
  const source = new FakeSource();
  const catalog = catalogServiceMock({ entities });
  const logger = mockServices.logger.mock();
  const service = AvailabilityService.create({
    logger,
    store,
    source,
    catalog,
    auth: mockServices.auth(),
    evaluation: {},
    concurrency: 3,
  });
  return { service, store, source, logger, catalog };
}

describe('AvailabilityService.refreshAll', () => {
  it('refreshes every annotated entity with bounded concurrency and logs a summary', async () => {
    const entities = [
      ...Array.from({ length: 12 }, (_, i) => component(`svc-${i}`)),
      component('sel-web'),
      component('no-kube', false),
    ];
    const { service, store, source, logger } = await setup(entities);

    const summary = await service.refreshAll();

    expect(summary).toMatchObject({
      status: 'succeeded',
      entities: { total: 13, ok: 13, failed: 0, removed: 0 },
      clusters: [
        { cluster: 'prod-eu', status: 'ok', requests: 13 * 15 },
        { cluster: 'prod-us', status: 'ok', requests: 13 * 15 },
      ],
      errors: [],
    });
    expect(source.peak).toBe(3);
    const refs = await store.listEntityRefs();
    expect(refs).toHaveLength(13);
    expect(refs).not.toContain('component:default/no-kube');
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Availability refresh succeeded: 13 entities, 13 ok, 0 failed, 0 removed, \d+ ms$/,
      ),
      expect.objectContaining({
        kubeRequests: 390,
        kubeRequestsByCluster: JSON.stringify({
          'prod-eu': 195,
          'prod-us': 195,
        }),
        failedClusters: '',
      }),
    );

    const stored = await store.getEntityReport('component:default/svc-0');
    expect(stored?.clusters).toEqual([
      { cluster: 'prod-eu', status: 'ok', lastSuccessAt: stored?.refreshedAt },
      { cluster: 'prod-us', status: 'ok', lastSuccessAt: stored?.refreshedAt },
    ]);
    expect(stored?.report?.workloads.map(w => w.cluster).sort()).toEqual([
      'prod-eu',
      'prod-us',
    ]);
    const page = await store.listReports({ owner: ['group:default/team-a'] });
    expect(page.totalItems).toBe(13);
    expect(page.items[0].system).toBe('system:default/shop');
  });

  it('keeps failed entities stale, evaluates split ones and removes vanished ones', async () => {
    const entities = [
      component('a'),
      component('b'),
      component('c-split'),
      component('gone'),
    ];
    const { service, store, source } = await setup(entities);
    await service.refreshAll();
    const firstA = await store.getEntityReport('component:default/a');

    // Next pass: "gone" left the catalog, "b" fails, prod-us fails for "a".
    const { service: next } = await (async () => {
      const catalog = catalogServiceMock({
        entities: entities.filter(e => e.metadata.name !== 'gone'),
      });
      source.failing.add('b');
      source.splitting.add('a');
      return {
        service: AvailabilityService.create({
          logger: mockServices.logger.mock(),
          store,
          source,
          catalog,
          auth: mockServices.auth(),
          evaluation: {},
          concurrency: 2,
        }),
      };
    })();
    const summary = await next.refreshAll();
    expect(summary.entities).toEqual({
      total: 3,
      ok: 2,
      failed: 1,
      removed: 1,
    });

    expect(
      await store.getEntityReport('component:default/gone'),
    ).toBeUndefined();
    const b = await store.getEntityReport('component:default/b');
    expect(b).toMatchObject({
      stale: true,
      lastError: { message: 'the kubernetes backend answered 503' },
      clusters: [
        {
          cluster: 'prod-eu',
          status: 'error',
          message: 'the kubernetes backend answered 503',
        },
        {
          cluster: 'prod-us',
          status: 'error',
          message: 'the kubernetes backend answered 503',
        },
      ],
    });
    expect(b?.report).not.toBeNull();

    const split = await store.getEntityReport('component:default/c-split');
    expect(split?.stale).toBe(false);
    expect(split?.clusters).toEqual([
      { cluster: 'prod-eu', status: 'ok', lastSuccessAt: split?.refreshedAt },
      { cluster: 'prod-us', status: 'error', message: '403 Forbidden' },
    ]);
    expect(split?.report?.workloads.map(w => w.cluster)).toEqual(['prod-eu']);

    // A cluster that answered before keeps its entries, stale since then;
    // the other cluster's are fresh, and the score counts both.
    const a = await store.getEntityReport('component:default/a');
    expect(a?.stale).toBe(false);
    expect(a?.refreshedAt).not.toBe(firstA?.refreshedAt);
    expect(a?.clusters).toEqual([
      { cluster: 'prod-eu', status: 'ok', lastSuccessAt: a?.refreshedAt },
      {
        cluster: 'prod-us',
        status: 'error',
        message: '500 Internal Server Error',
        lastSuccessAt: firstA?.refreshedAt,
        stale: true,
      },
    ]);
    expect(a?.report?.workloads).toEqual(firstA?.report?.workloads);
    expect(a?.report?.score).toBe(firstA?.report?.score);
  });

  it('stores an entity that no cluster runs as having no workloads, outside the averages', async () => {
    const { service, store } = await setup([
      component('svc'),
      component('undeployed-gift-cards'),
    ]);
    const summary = await service.refreshAll();
    expect(summary).toMatchObject({
      entities: { total: 2, ok: 2, failed: 0 },
    });

    const stored = await store.getEntityReport(
      'component:default/undeployed-gift-cards',
    );
    expect(stored?.report).toEqual({
      score: null,
      level: null,
      workloads: [],
      warnings: [],
      errors: [],
    });
    expect(stored?.clusters).toEqual(
      ['prod-eu', 'prod-us'].map(cluster => ({
        cluster,
        status: 'ok',
        lastSuccessAt: expect.any(String),
      })),
    );
    const scored = await store.getEntityReport('component:default/svc');
    const totals = await service.getSummary(
      {},
      {
        credentials: mockCredentials.service(),
      },
    );
    expect(totals).toMatchObject({
      totalEntities: 1,
      averageScore: scored?.report?.score,
      unscored: { noWorkloads: 1, notJudged: 0 },
    });
    expect(Object.values(totals.byLevel).reduce((a, b) => a + b)).toBe(1);
  });

  it('passes entity annotations to the engine as exemptions', async () => {
    const entity = component('exempted');
    entity.metadata.annotations!['availability.backstage.io/exempt'] =
      'replicas-min';
    entity.metadata.annotations!['availability.backstage.io/exempt-reason'] =
      'singleton by design';
    const { service, store } = await setup([entity]);
    await service.refreshAll();
    const stored = await store.getEntityReport(stringifyEntityRef(entity));
    const us = stored?.report?.workloads.find(w => w.cluster === 'prod-us');
    expect(us?.checks.find(c => c.id === 'replicas-min')).toMatchObject({
      status: 'exempt',
      reason: 'singleton by design',
    });
  });
});

describe('AvailabilityService zones', () => {
  const ZONES: Record<string, Record<string, string>> = {
    // prod-eu spreads over three zones, prod-us keeps every node in one.
    'prod-eu': { 'eu-1': 'eu-a', 'eu-2': 'eu-b', 'eu-3': 'eu-c' },
    'prod-us': { 'us-1': 'us-a', 'us-2': 'us-a', 'us-3': 'us-a' },
  };

  function runningObjects(name: string, cluster: string) {
    const nodes = Object.keys(ZONES[cluster]);
    const replicaSet = `${name}-5d8f`;
    return [
      deployment(name, 3),
      ...nodes.map((node, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${replicaSet}-${i}`,
          namespace: 'shop',
          labels: { app: name, 'pod-template-hash': '5d8f' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: replicaSet,
              uid: `${replicaSet}-uid`,
              controller: true,
            },
          ],
        },
        spec: { nodeName: node },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      })),
    ];
  }

  /** Every entity runs on both clusters; "idle-*" ones have no pods. */
  class RunningSource implements KubernetesObjectsSource {
    async getEntityObjects({
      entity,
      onKubeRequests,
    }: EntityRequest): Promise<EntityObjects> {
      onKubeRequests?.('prod-eu', 15);
      onKubeRequests?.('prod-us', 15);
      const name = entity.metadata.name;
      return {
        clusters: ['prod-eu', 'prod-us'].map(cluster => ({
          cluster,
          status: 'ok' as const,
          objects: name.startsWith('idle-')
            ? [deployment(name, 3)]
            : runningObjects(name, cluster),
        })),
      };
    }
  }

  class FakeNodesSource implements ClusterNodesSource {
    calls: string[] = [];
    failing = new Set<string>();

    async listNodes({
      cluster,
    }: {
      cluster: string;
    }): Promise<ClusterNodesResult> {
      this.calls.push(cluster);
      await new Promise(resolve => setTimeout(resolve, 5));
      if (this.failing.has(cluster)) {
        return { status: 'error', message: '403 Forbidden', requests: 1 };
      }
      return {
        status: 'ok',
        requests: 1,
        nodes: [
          ...Object.entries(ZONES[cluster]).map(([node, zone]) => ({
            name: node,
            labels: { 'topology.kubernetes.io/zone': zone },
          })),
          { name: 'unrelated', labels: {} },
        ],
      };
    }
  }

  async function setupZones(entities: Entity[], nodeCacheTtlMs?: number) {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseAvailabilityStore.create({
      database: { getClient: async () => knex },
    });
    const nodes = new FakeNodesSource();
    const logger = mockServices.logger.mock();
    const service = AvailabilityService.create({
      logger,
      store,
      source: new RunningSource(),
      nodes,
      nodeCacheTtlMs,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      evaluation: {},
      concurrency: 3,
    });
    return { service, store, nodes, logger };
  }

  async function zoneStatus(
    store: DatabaseAvailabilityStore,
    name: string,
    cluster: string,
  ) {
    const stored = await store.getEntityReport(`component:default/${name}`);
    return stored?.report?.workloads
      .find(w => w.cluster === cluster && w.name === name)
      ?.checks.find(c => c.id === 'runtime-zone-spread')?.status;
  }

  it('lists each cluster once per pass and judges zones from the Nodes', async () => {
    const entities = Array.from({ length: 6 }, (_, i) => component(`svc-${i}`));
    const { service, store, nodes, logger } = await setupZones(entities);

    const summary = await service.refreshAll();

    expect(nodes.calls.sort()).toEqual(['prod-eu', 'prod-us']);
    expect(summary).toMatchObject({
      entities: { total: 6, ok: 6 },
      clusters: [
        { cluster: 'prod-eu', requests: 6 * 15 + 1 },
        { cluster: 'prod-us', requests: 6 * 15 + 1 },
      ],
      errors: [],
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ kubeRequests: 6 * 30 + 2 }),
    );
    for (const entity of entities) {
      const name = entity.metadata.name;
      expect(await zoneStatus(store, name, 'prod-eu')).toBe('pass');
      expect(await zoneStatus(store, name, 'prod-us')).toBe('fail');
    }

    const [prodEu] = await store.listClusterNodes();
    expect(prodEu.nodes).toEqual(
      expect.arrayContaining([
        { name: 'unrelated' },
        ...Object.entries(ZONES['prod-eu']).map(([name, zone]) => ({
          name,
          zone,
        })),
      ]),
    );

    // The next pass lists again.
    await service.refreshAll();
    expect(nodes.calls).toHaveLength(4);
  });

  it('leaves zones unknown, and the cluster ok, when Nodes cannot be listed', async () => {
    const { service, store, nodes, logger } = await setupZones([
      component('a'),
      component('b'),
    ]);
    nodes.failing.add('prod-us');

    const summary = await service.refreshAll();

    expect(summary).toMatchObject({
      entities: { ok: 2, failed: 0 },
      clusters: [
        { cluster: 'prod-eu', status: 'ok', requests: 2 * 15 + 1 },
        { cluster: 'prod-us', status: 'ok', requests: 2 * 15 + 1 },
      ],
      errors: [
        'Could not list the Nodes of prod-us; its zone checks are unknown',
      ],
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not list the Nodes of cluster prod-us \(403 Forbidden\)/,
      ),
    );
    for (const name of ['a', 'b']) {
      const stored = await store.getEntityReport(`component:default/${name}`);
      expect(stored?.stale).toBe(false);
      expect(stored?.clusters.map(c => [c.cluster, c.status])).toEqual([
        ['prod-eu', 'ok'],
        ['prod-us', 'ok'],
      ]);
      expect(await zoneStatus(store, name, 'prod-eu')).toBe('pass');
      expect(await zoneStatus(store, name, 'prod-us')).toBe('unknown');
    }
  });

  it('does not list the Nodes of clusters where the entity has no pods', async () => {
    const { service, nodes } = await setupZones([component('idle-a')]);
    const summary = await service.refreshAll();
    expect(nodes.calls).toEqual([]);
    expect(summary.clusters.map(c => c.requests)).toEqual([15, 15]);
  });

  it('reuses Node lists between on-demand refreshes within their lifetime', async () => {
    const cached = await setupZones([component('a'), component('b')]);
    await cached.service.refreshEntity('component:default/a', {
      credentials: mockCredentials.user(),
    });
    await cached.service.refreshEntity('component:default/b', {
      credentials: mockCredentials.user(),
    });
    expect(cached.nodes.calls.sort()).toEqual(['prod-eu', 'prod-us']);
    expect(await zoneStatus(cached.store, 'b', 'prod-us')).toBe('fail');

    const uncached = await setupZones([component('a')], 0);
    for (let i = 0; i < 2; i++) {
      await uncached.service.refreshEntity('component:default/a', {
        credentials: mockCredentials.user(),
      });
    }
    expect(uncached.nodes.calls).toHaveLength(4);
  });
});
