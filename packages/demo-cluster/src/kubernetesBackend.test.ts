import fs from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// Imported statically: the plugin itself must not be loaded with import().
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { parseAllDocuments } from 'yaml';
import { kubernetesConfigFor } from './kubernetesConfig';
import { startKubeApiEmulator } from './startKubeApiEmulator';
import { KubeApiEmulator } from './types';
import { requireVmModules } from './__testUtils__/requireVmModules';

// The real catalog entities of the demo portal.
const EXAMPLES = path.resolve(__dirname, '../../../examples/entities.yaml');
const entities: Entity[] = parseAllDocuments(fs.readFileSync(EXAMPLES, 'utf8'))
  .map(doc => {
    if (doc.errors.length > 0) {
      throw doc.errors[0];
    }
    return doc.toJS();
  })
  .filter(Boolean);

interface ClusterItem {
  cluster: { name: string };
  resources: Array<{ type: string; resources: any[] }>;
  errors: Array<{
    errorType: string;
    statusCode?: number;
    resourcePath?: string;
    message?: string;
  }>;
  podMetrics: any[];
}

let emulator: KubeApiEmulator;
let baseUrl: string;
let backend: { stop(): Promise<void> } | undefined;

async function query(
  route: 'workloads' | 'custom',
  name: string,
  extra: object = {},
): Promise<Record<string, ClusterItem>> {
  const response = await fetch(`${baseUrl}/resources/${route}/query`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: mockCredentials.user.header(),
    },
    body: JSON.stringify({ entityRef: `component:default/${name}`, ...extra }),
  });
  expect(response.status).toBe(200);
  const body: { items: ClusterItem[] } = await response.json();
  return Object.fromEntries(body.items.map(item => [item.cluster.name, item]));
}

function resourcesOf(item: ClusterItem, type: string) {
  return item.resources.find(r => r.type === type)?.resources ?? [];
}

beforeAll(async () => {
  requireVmModules();
  emulator = await startKubeApiEmulator({});
  const started = await startTestBackend({
    features: [
      kubernetesPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: kubernetesConfigFor(emulator, {
            skipMetricsLookup: false,
          }),
        },
      }),
    ],
  });
  baseUrl = `http://localhost:${started.server.port()}/api/kubernetes`;
  backend = started;
});

afterAll(async () => {
  await backend?.stop();
  await emulator?.close();
});

afterEach(() => {
  for (const { name } of emulator.clusters) {
    emulator.setFault(name, undefined);
  }
});

describe('the kubernetes backend against the emulator', () => {
  it('lists the emulated clusters', async () => {
    const response = await fetch(`${baseUrl}/clusters`, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    const body = await response.json();
    expect(body.items.map((c: { name: string }) => c.name)).toEqual([
      'prod-eu',
      'prod-us',
      'staging',
    ]);
  });

  it("returns a demo entity's objects from the healthy clusters and reports the faulted one", async () => {
    emulator.setFault('staging', { status: 500 });
    const items = await query('workloads', 'checkout-api');

    expect(Object.keys(items).sort()).toEqual([
      'prod-eu',
      'prod-us',
      'staging',
    ]);
    for (const cluster of ['prod-eu', 'prod-us']) {
      const item = items[cluster];
      expect(item.errors).toEqual([]);
      const [deployment] = resourcesOf(item, 'deployments');
      expect(deployment).toMatchObject({
        metadata: { name: 'checkout-api', namespace: 'payments' },
        spec: { replicas: 3 },
        status: { readyReplicas: 3 },
      });
      const pods = resourcesOf(item, 'pods');
      expect(pods).toHaveLength(3);
      const replicaSet = resourcesOf(item, 'replicasets')[0];
      for (const pod of pods) {
        expect(pod.metadata.ownerReferences[0]).toMatchObject({
          kind: 'ReplicaSet',
          name: replicaSet.metadata.name,
        });
        expect(pod.status.phase).toBe('Running');
      }
      expect(resourcesOf(item, 'horizontalpodautoscalers')).toEqual([
        expect.objectContaining({
          status: expect.objectContaining({ currentReplicas: 3 }),
        }),
      ]);
      expect(resourcesOf(item, 'services')).toHaveLength(1);
      expect(resourcesOf(item, 'configmaps')).toHaveLength(1);
      // skipMetricsLookup is off: the metrics API is read too.
      expect(item.podMetrics).toHaveLength(3);
      expect(item.podMetrics[0].cpu.currentUsage).toBeGreaterThan(0);
    }

    const staging = items.staging;
    expect(staging.resources).toEqual([]);
    expect(staging.errors.length).toBeGreaterThan(0);
    for (const error of staging.errors) {
      expect(error).toMatchObject({
        errorType: 'SYSTEM_ERROR',
        statusCode: 500,
      });
    }
    expect(staging.errors.map(e => e.resourcePath)).toContain(
      '/apis/apps/v1/deployments',
    );
    expect(emulator.requestCount('staging')).toBeGreaterThan(0);
  });

  it.each([
    [
      { status: 401 as const },
      { errorType: 'UNAUTHORIZED_ERROR', statusCode: 401 },
    ],
    [{ status: 403 as const }, { errorType: 'UNKNOWN_ERROR', statusCode: 403 }],
    [{ malformedJson: true }, { errorType: 'FETCH_ERROR' }],
    [{ timeout: 50 }, { errorType: 'FETCH_ERROR' }],
  ])('reports the fault %j as %j', async (fault, expected) => {
    emulator.setFault('prod-us', fault);
    const items = await query('workloads', 'checkout-api');
    expect(items['prod-us'].errors[0]).toMatchObject(expected);
    expect(items['prod-eu'].errors).toEqual([]);
  });

  it('returns PodDisruptionBudgets and NetworkPolicies as custom resources', async () => {
    const items = await query('custom', 'search-indexer', {
      customResources: [
        { group: 'policy', apiVersion: 'v1', plural: 'poddisruptionbudgets' },
        {
          group: 'networking.k8s.io',
          apiVersion: 'v1',
          plural: 'networkpolicies',
        },
      ],
    });
    expect(Object.keys(items)).toEqual(['prod-eu']);
    const [pdb] = resourcesOf(items['prod-eu'], 'customresources');
    expect(pdb).toMatchObject({
      kind: 'PodDisruptionBudget',
      spec: { minAvailable: '100%' },
      status: { disruptionsAllowed: 0 },
    });
  });

  it('finds objects by the backstage.io/kubernetes-label-selector annotation', async () => {
    const items = await query('workloads', 'log-shipper');
    expect(Object.keys(items).sort()).toEqual([
      'prod-eu',
      'prod-us',
      'staging',
    ]);
    const [daemonSet] = resourcesOf(items.staging, 'daemonsets');
    expect(daemonSet.metadata.name).toBe('log-shipper');
    // One pod per node: staging has three.
    expect(resourcesOf(items.staging, 'pods')).toHaveLength(3);
  });

  it('returns an entity that only runs in staging from staging alone', async () => {
    const items = await query('workloads', 'feature-flags');
    expect(Object.keys(items)).toEqual(['staging']);
  });

  it('honours backstage.io/kubernetes-namespace', async () => {
    const items = await query('workloads', 'orders-db');
    const [statefulSet] = resourcesOf(items['prod-eu'], 'statefulsets');
    expect(statefulSet.metadata).toMatchObject({
      name: 'orders-db',
      namespace: 'data',
    });
    expect(resourcesOf(items['prod-eu'], 'pods')).toHaveLength(3);
  });
});
