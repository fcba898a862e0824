import fs from 'node:fs';
import {
  analyzeFailureDomains,
  AvailabilityReport,
  EvaluationObject,
  evaluate,
  failureDomainNode,
  FailureDomainNode,
} from '@availability-backstage/plugin-availability-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { startKubeApiEmulator } from './startKubeApiEmulator';
import { KubeApiEmulator } from './types';

// What the README promises about each demo service, checked with the shared
// rules engine over what the emulator serves for the service's catalog entity.

const EXAMPLES = resolvePackagePath(
  '@availability-backstage/demo-cluster',
  '../../examples/entities.yaml',
);
const components: Entity[] = parseAllDocuments(
  fs.readFileSync(EXAMPLES, 'utf8'),
)
  .map(doc => doc.toJS())
  .filter(entity => entity?.kind === 'Component');

const PATHS = [
  '/api/v1/pods',
  '/api/v1/services',
  '/api/v1/persistentvolumeclaims',
  '/apis/apps/v1/deployments',
  '/apis/apps/v1/statefulsets',
  '/apis/apps/v1/daemonsets',
  '/apis/autoscaling/v2/horizontalpodautoscalers',
  '/apis/policy/v1/poddisruptionbudgets',
  '/apis/networking.k8s.io/v1/networkpolicies',
];

jest.setTimeout(60_000);

let emulator: KubeApiEmulator;
const reports = new Map<string, AvailabilityReport>();
const clusterNodes = new Map<string, FailureDomainNode[]>();

async function getList(url: string, token: string, path: string) {
  const response = await fetch(`${url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.json()).items as EvaluationObject['object'][];
}

/** The engine's report of a catalog entity over what the clusters serve now. */
async function reportOf(entity: Entity): Promise<AvailabilityReport> {
  const annotations = entity.metadata.annotations ?? {};
  const selector =
    annotations['backstage.io/kubernetes-label-selector'] ??
    `backstage.io/kubernetes-id=${annotations['backstage.io/kubernetes-id']}`;
  const objects: EvaluationObject[] = [];
  for (const { name, url, token } of emulator.clusters) {
    for (const path of PATHS) {
      const query = `?labelSelector=${encodeURIComponent(selector)}`;
      for (const object of await getList(url, token, path + query)) {
        objects.push({ object, cluster: name });
      }
    }
    for (const node of await getList(url, token, '/api/v1/nodes')) {
      objects.push({ object: node, cluster: name });
    }
  }
  return evaluate(objects, { entityAnnotations: annotations });
}

beforeAll(async () => {
  emulator = await startKubeApiEmulator({});
  for (const { name, url, token } of emulator.clusters) {
    const nodes = await getList(url, token, '/api/v1/nodes');
    clusterNodes.set(name, nodes.map(failureDomainNode));
  }
  for (const entity of components) {
    reports.set(entity.metadata.name, await reportOf(entity));
  }
  // Hundreds of list requests: allow for a busy machine.
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

function failing(name: string, cluster?: string): string[] {
  const ids = reports
    .get(name)!
    .workloads.filter(w => !cluster || w.cluster === cluster)
    .flatMap(w => w.checks.filter(c => c.status === 'fail').map(c => c.id));
  return [...new Set(ids)].sort();
}

/** Registered in the catalog, deployed nowhere. */
const NOT_DEPLOYED = 'gift-cards';

describe('the demo services', () => {
  it('has a report for every catalog component', () => {
    expect([...reports.keys()]).toHaveLength(14);
    const deployed = [...reports].filter(([name]) => name !== NOT_DEPLOYED);
    for (const [name, report] of deployed) {
      expect([name, report.workloads.length > 0]).toEqual([name, true]);
    }
  });

  it('gift-cards, not deployed yet, has no workloads and no score', () => {
    expect(reports.get(NOT_DEPLOYED)).toEqual({
      score: null,
      level: null,
      workloads: [],
      warnings: [],
      errors: [],
    });
  });

  it.each(['checkout-api', 'log-shipper'])(
    '%s is gold with no failure',
    name => {
      expect(reports.get(name)).toMatchObject({ level: 'gold', score: 100 });
      expect(failing(name)).toEqual([]);
    },
  );

  it.each([
    ['storefront-web', 'replicas-min'],
    ['debug-toolbox', 'pod-controller'],
    ['search-indexer', 'pdb-allows-eviction'],
    ['search-indexer', 'runtime-pdb-healthy'],
    ['orders-db', 'statefulset-headless-service'],
    ['fraud-scorer', 'runtime-hpa-headroom'],
    ['payment-gateway', 'pdb-present'],
    ['cart-service', 'spread-nodes'],
    ['cart-service', 'runtime-node-spread'],
    ['notification-worker', 'rollout-strategy'],
    ['notification-worker', 'probe-distinct'],
    ['notification-worker', 'storage-shared-rwo'],
    ['legacy-reports', 'secrets-by-reference'],
    ['legacy-reports', 'image-tag-pinned'],
    ['legacy-reports', 'security-non-root'],
  ])('%s fails %s', (name, check) => {
    expect(failing(name)).toContain(check);
  });

  it.each([
    // r3: no budget can help a single replica; replicas-min reports it.
    ['storefront-web', 'pdb-present', 'bronze', 68],
    // r3: hpa-present applies to Deployments only.
    ['orders-db', 'hpa-present', 'gold', 98],
  ])(
    '%s has %s not applicable under contract revision 3 (%s, %d)',
    (name, check, level, score) => {
      const statuses = reports
        .get(name)!
        .workloads.flatMap(w => w.checks.filter(c => c.id === check))
        .map(c => c.status);
      expect(new Set(statuses)).toEqual(new Set(['not-applicable']));
      expect(reports.get(name)).toMatchObject({ level, score });
    },
  );

  it('payment-gateway scaled to one replica in prod-eu drops to bronze (the notification demo), and is silver again when undone', async () => {
    const entity = components.find(c => c.metadata.name === 'payment-gateway')!;
    expect(reports.get('payment-gateway')).toMatchObject({ level: 'silver' });
    emulator.patchObject('prod-eu', 'Deployment/payments/payment-gateway', {
      spec: { replicas: 1 },
    });
    try {
      const scaled = await reportOf(entity);
      expect(scaled.level).toBe('bronze');
      const failingIn = (cluster: string) =>
        scaled.workloads
          .filter(w => w.cluster === cluster)
          .flatMap(w => w.checks.filter(c => c.status === 'fail'))
          .map(c => c.id);
      expect(failingIn('prod-eu')).toContain('replicas-min');
      expect(failingIn('prod-us')).not.toContain('replicas-min');
    } finally {
      emulator.resetObjects('prod-eu');
    }
    expect(await reportOf(entity)).toEqual(reports.get('payment-gateway'));
  });

  it('product-catalog fails its runtime checks in prod-eu only', () => {
    expect(failing('product-catalog', 'prod-eu')).toEqual([
      'runtime-pdb-healthy',
      'runtime-ready',
      'runtime-restarts',
    ]);
    expect(failing('product-catalog', 'prod-us')).toEqual([]);
  });

  it('legacy-reports shows its exemption and scores no level', () => {
    const checks = reports
      .get('legacy-reports')!
      .workloads.flatMap(w => w.checks);
    expect(checks).toContainEqual(
      expect.objectContaining({
        id: 'security-read-only-fs',
        status: 'exempt',
        reason: expect.stringContaining('PDFs'),
      }),
    );
    expect(reports.get('legacy-reports')?.level).toBe('none');
  });

  it('feature-flags is reported from staging alone', () => {
    const clusters = new Set(
      reports.get('feature-flags')!.workloads.map(w => w.cluster),
    );
    expect([...clusters]).toEqual(['staging']);
  });

  describe('failure domains', () => {
    const domains = (cluster: string) =>
      analyzeFailureDomains({
        cluster,
        nodes: clusterNodes.get(cluster),
        entities: [...reports].map(([name, report]) => ({
          entityRef: `component:default/${name}`,
          report,
        })),
      });
    const darkIn = (
      risks: ReturnType<typeof domains>['blastRadius']['nodes'],
      name: string,
    ) =>
      risks
        .find(r => r.name === name)
        ?.services.filter(s => s.impact === 'dark')
        .map(s => s.entityRef);

    it('prod-eu: cart-service goes dark with node prod-eu-b-2, search-indexer blocks every drain', () => {
      const { blastRadius, drainReadiness } = domains('prod-eu');
      expect(darkIn(blastRadius.nodes, 'prod-eu-b-2')).toContain(
        'component:default/cart-service',
      );
      expect(drainReadiness.safe).toBe(false);
      const blocking = drainReadiness.nodes.flatMap(n =>
        n.findings.filter(f => f.issue === 'blocks-forever').map(f => f.name),
      );
      expect(blocking).toContain('search-indexer');
    });

    it('staging: zone eu-central-1a takes down feature-flags, which survives any one node', () => {
      const { blastRadius } = domains('staging');
      expect(darkIn(blastRadius.zones, 'eu-central-1a')).toContain(
        'component:default/feature-flags',
      );
      for (const node of blastRadius.nodes) {
        expect(darkIn(blastRadius.nodes, node.name)).not.toContain(
          'component:default/feature-flags',
        );
      }
    });
  });
});
