import type * as k8s from '@kubernetes/client-node';
import { startKubeApiEmulator } from './startKubeApiEmulator';
import { DEFAULT_EMULATOR_TOKEN, KubeApiEmulator } from './types';
import { requireVmModules } from './__testUtils__/requireVmModules';

// client-node is ESM only; Jest loads it through its ESM support.
let client: typeof k8s;
let emulator: KubeApiEmulator;

function kubeConfig(cluster: string, token = DEFAULT_EMULATOR_TOKEN) {
  const { url } = emulator.clusters.find(c => c.name === cluster)!;
  const kc = new client.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: cluster, server: url, skipTLSVerify: true }],
    users: [{ name: 'reader', token }],
    contexts: [{ name: cluster, cluster, user: 'reader' }],
    currentContext: cluster,
  });
  return kc;
}

function core(cluster = 'prod-eu', token?: string) {
  return kubeConfig(cluster, token).makeApiClient(client.CoreV1Api);
}

function apps(cluster = 'prod-eu') {
  return kubeConfig(cluster).makeApiClient(client.AppsV1Api);
}

function names(list: { items: Array<{ metadata?: { name?: string } }> }) {
  return list.items.map(item => item.metadata?.name);
}

async function raw(cluster: string, path: string, init?: RequestInit) {
  const { url, token } = emulator.clusters.find(c => c.name === cluster)!;
  return fetch(`${url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init?.headers },
  });
}

beforeAll(async () => {
  requireVmModules();
  client = await import('@kubernetes/client-node');
  emulator = await startKubeApiEmulator({});
});

afterAll(async () => {
  await emulator?.close();
});

afterEach(() => {
  for (const { name } of emulator.clusters) {
    emulator.setFault(name, undefined);
  }
});

describe('startKubeApiEmulator', () => {
  it('serves the three demo clusters on their own ports', () => {
    expect(emulator.clusters.map(c => c.name)).toEqual([
      'prod-eu',
      'prod-us',
      'staging',
    ]);
    const ports = emulator.clusters.map(c => new URL(c.url).port);
    expect(new Set(ports).size).toBe(3);
    expect(emulator.clusters[0].token).toBe(DEFAULT_EMULATOR_TOKEN);
  });

  it('lists pods of one namespace and of all namespaces', async () => {
    const namespaced = await core().listNamespacedPod({
      namespace: 'payments',
    });
    expect(namespaced.items.length).toBeGreaterThan(0);
    expect(
      namespaced.items.every(p => p.metadata?.namespace === 'payments'),
    ).toBe(true);

    const all = await core().listPodForAllNamespaces();
    const namespaces = new Set(all.items.map(p => p.metadata?.namespace));
    expect(namespaces).toEqual(
      new Set(['payments', 'storefront', 'data', 'platform', 'kube-system']),
    );
    expect(all.metadata?.resourceVersion).toMatch(/^\d+$/);
  });

  it('answers lists with a kind, apiVersion and items that carry their kind', async () => {
    const response = await raw(
      'prod-eu',
      '/apis/apps/v1/namespaces/payments/deployments',
    );
    const body = await response.json();
    expect(body.kind).toBe('DeploymentList');
    expect(body.apiVersion).toBe('apps/v1');
    expect(body.metadata.resourceVersion).toMatch(/^\d+$/);
    for (const item of body.items) {
      expect(item.kind).toBe('Deployment');
      expect(item.apiVersion).toBe('apps/v1');
    }
  });

  it.each([
    ['backstage.io/kubernetes-id=checkout-api', ['checkout-api']],
    ['backstage.io/kubernetes-id==checkout-api', ['checkout-api']],
    [
      'app.kubernetes.io/part-of=payments,app.kubernetes.io/name!=checkout-api',
      ['fraud-scorer', 'payment-gateway'],
    ],
    [
      'app.kubernetes.io/name in (checkout-api, fraud-scorer)',
      ['checkout-api', 'fraud-scorer'],
    ],
    [
      'app.kubernetes.io/part-of=payments,app.kubernetes.io/name notin (checkout-api,fraud-scorer)',
      ['payment-gateway'],
    ],
    ['app', ['legacy-reports']],
    [
      'app.kubernetes.io/part-of=storefront,!app',
      [
        'cart-service',
        'notification-worker',
        'product-catalog',
        'storefront-web',
      ],
    ],
  ])('selects deployments by %s', async (labelSelector, expected) => {
    const list = await apps().listDeploymentForAllNamespaces({
      labelSelector,
    });
    expect(names(list).sort()).toEqual(expected);
  });

  it('treats != and notin as matching objects without the label', async () => {
    const withoutPartOf = await apps().listDeploymentForAllNamespaces({
      labelSelector: 'app.kubernetes.io/part-of!=payments',
    });
    expect(names(withoutPartOf)).toEqual(
      expect.arrayContaining(['coredns', 'legacy-reports', 'cart-service']),
    );
  });

  it.each([
    ['spec.nodeName=prod-eu-b-2', 'cart-service', 3],
    ['status.phase=Running', 'cart-service', 3],
    ['status.phase!=Running', 'cart-service', 0],
    ['metadata.namespace=storefront', 'cart-service', 3],
  ])(
    'filters pods by the field selector %s',
    async (fieldSelector, id, count) => {
      const list = await core().listPodForAllNamespaces({
        fieldSelector,
        labelSelector: `backstage.io/kubernetes-id=${id}`,
      });
      expect(list.items).toHaveLength(count);
    },
  );

  it('selects by metadata.name', async () => {
    const list = await core().listNamespacedPod({
      namespace: 'data',
      fieldSelector: 'metadata.name=orders-db-1',
    });
    expect(names(list)).toEqual(['orders-db-1']);
  });

  it('rejects selectors it cannot parse with 400', async () => {
    await expect(
      core().listNamespacedPod({
        namespace: 'data',
        labelSelector: 'app in ()',
      }),
    ).rejects.toMatchObject({ code: 400 });
    await expect(
      core().listNamespacedPod({
        namespace: 'data',
        fieldSelector: 'spec.containers=x',
      }),
    ).rejects.toMatchObject({ code: 400 });
  });

  it('gets single objects, namespaced and cluster-scoped', async () => {
    const pod = await core().readNamespacedPod({
      namespace: 'data',
      name: 'orders-db-0',
    });
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'orders-db',
    });
    const node = await core().readNode({ name: pod.spec!.nodeName! });
    expect(node.metadata?.labels?.['topology.kubernetes.io/zone']).toMatch(
      /^eu-west-1[abc]$/,
    );
    const namespace = await core().readNamespace({ name: 'payments' });
    expect(namespace.status?.phase).toBe('Active');
  });

  it('answers 404 with a Status for unknown objects and paths', async () => {
    await expect(
      core().readNamespacedPod({ namespace: 'data', name: 'nope' }),
    ).rejects.toMatchObject({ code: 404 });

    for (const path of [
      '/api/v1/namespaces/data/pods/nope',
      '/apis/apps/v1/namespaces/data/widgets',
      '/apis/example.com/v1/things',
      '/api/v1/namespaces/data/nodes',
      '/nothing/here',
    ]) {
      const response = await raw('prod-eu', path);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
      });
    }
  });

  it('answers 401 without the right token', async () => {
    await expect(
      core('prod-eu', 'wrong').listNamespace(),
    ).rejects.toMatchObject({ code: 401 });
    const { url } = emulator.clusters[0];
    const response = await fetch(`${url}/api/v1/pods`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
    });
  });

  it('answers 405 to anything but GET', async () => {
    const response = await raw('prod-eu', '/api/v1/namespaces/data/pods', {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ reason: 'MethodNotAllowed' });
  });

  it('serves HPAs in autoscaling v1 and v2', async () => {
    const kc = kubeConfig('prod-eu');
    const v1 = await kc
      .makeApiClient(client.AutoscalingV1Api)
      .readNamespacedHorizontalPodAutoscaler({
        namespace: 'payments',
        name: 'checkout-api',
      });
    expect(v1.spec?.targetCPUUtilizationPercentage).toBe(70);
    const v2 = await kc
      .makeApiClient(client.AutoscalingV2Api)
      .readNamespacedHorizontalPodAutoscaler({
        namespace: 'payments',
        name: 'fraud-scorer',
      });
    expect(v2.apiVersion).toBe('autoscaling/v2');
    expect(v2.spec?.metrics?.[0].resource?.target.averageUtilization).toBe(60);
    expect(v2.status?.currentReplicas).toBe(v2.spec?.maxReplicas);
  });

  it('serves the other resource groups the availability checks read', async () => {
    const kc = kubeConfig('prod-eu');
    const pdbs = await kc
      .makeApiClient(client.PolicyV1Api)
      .listNamespacedPodDisruptionBudget({ namespace: 'data' });
    expect(
      Object.fromEntries(
        pdbs.items.map(p => [p.metadata?.name, p.status?.disruptionsAllowed]),
      ),
    ).toEqual({ 'orders-db': 1, 'search-indexer': 0 });

    const policies = await kc
      .makeApiClient(client.NetworkingV1Api)
      .listNetworkPolicyForAllNamespaces({
        labelSelector: 'backstage.io/kubernetes-id=checkout-api',
      });
    expect(names(policies)).toEqual(['checkout-api']);

    const cronJobs = await kc
      .makeApiClient(client.BatchV1Api)
      .listCronJobForAllNamespaces();
    expect(names(cronJobs)).toEqual(['search-reindex']);

    const claims = await core().listNamespacedPersistentVolumeClaim({
      namespace: 'data',
    });
    expect(names(claims)).toEqual([
      'data-orders-db-0',
      'data-orders-db-1',
      'data-orders-db-2',
    ]);
  });

  it('serves pod metrics that client-node can read', async () => {
    const kc = kubeConfig('prod-eu');
    const metrics = new client.Metrics(kc);
    const podMetrics = await metrics.getPodMetrics('payments');
    expect(podMetrics.items.length).toBeGreaterThan(0);
    const top = await client.topPods(core(), metrics, 'payments');
    const checkout = top.find(p =>
      p.Pod.metadata?.name?.startsWith('checkout-api-'),
    )!;
    expect(Number(checkout.CPU.CurrentUsage)).toBeGreaterThan(0);
    expect(Number(checkout.CPU.RequestTotal)).toBe(0.25);
  });

  it('answers discovery', async () => {
    const kc = kubeConfig('prod-eu');
    const version = await kc.makeApiClient(client.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.30.4');
    const groups = await kc.makeApiClient(client.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'autoscaling',
        'policy',
        'metrics.k8s.io',
      ]),
    );
    const coreResources = await kc
      .makeApiClient(client.CoreV1Api)
      .getAPIResources();
    expect(coreResources.resources.map(r => r.name)).toContain('pods');
  });

  it('pages lists with limit and continue', async () => {
    const first = await core().listPodForAllNamespaces({ limit: 5 });
    expect(first.items).toHaveLength(5);
    const token = first.metadata?._continue;
    expect(token).toBeDefined();
    const second = await core().listPodForAllNamespaces({
      limit: 5,
      _continue: token,
    });
    expect(names(second)).not.toContain(first.items[0].metadata?.name);
  });

  describe('faults', () => {
    it('adds latency', async () => {
      emulator.setFault('prod-us', { latencyMs: 150 });
      const started = Date.now();
      const list = await core('prod-us').listNamespace();
      expect(list.items.length).toBeGreaterThan(0);
      // A lower bound only: the fault promises at least this much delay.
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it.each([401, 403, 500] as const)('answers %d', async status => {
      emulator.setFault('prod-us', { status });
      await expect(core('prod-us').listNamespace()).rejects.toMatchObject({
        code: status,
      });
      const response = await raw('prod-us', '/api/v1/namespaces');
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        code: status,
      });
    });

    it('sends malformed JSON', async () => {
      emulator.setFault('prod-us', { malformedJson: true });
      const response = await raw('prod-us', '/api/v1/namespaces');
      expect(response.status).toBe(200);
      await expect(response.json()).rejects.toThrow(/JSON/);
      await expect(core('prod-us').listNamespace()).rejects.toThrow();
    });

    it('holds requests until the client gives up', async () => {
      emulator.setFault('prod-us', { timeout: true });
      await expect(
        raw('prod-us', '/api/v1/namespaces', {
          signal: AbortSignal.timeout(200),
        }),
      ).rejects.toThrow(/abort|timeout/i);
    });

    it('drops held requests after a given time', async () => {
      emulator.setFault('prod-us', { timeout: 100 });
      await expect(raw('prod-us', '/api/v1/namespaces')).rejects.toThrow(
        /fetch failed/,
      );
    });

    it('leaves the other clusters alone and clears on request', async () => {
      emulator.setFault('prod-us', { status: 500 });
      await expect(core('staging').listNamespace()).resolves.toBeDefined();
      emulator.setFault('prod-us', undefined);
      await expect(core('prod-us').listNamespace()).resolves.toBeDefined();
    });

    it('is switched through the control endpoint', async () => {
      const set = await raw('staging', '/_emulator/clusters/prod-us/fault', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 403 }),
      });
      expect(set.status).toBe(200);
      await expect(core('prod-us').listNamespace()).rejects.toMatchObject({
        code: 403,
      });

      const listed = await (await raw('staging', '/_emulator/clusters')).json();
      expect(
        listed.clusters.find((c: { name: string }) => c.name === 'prod-us'),
      ).toMatchObject({ fault: { status: 403 } });

      const cleared = await raw(
        'staging',
        '/_emulator/clusters/prod-us/fault',
        {
          method: 'DELETE',
        },
      );
      expect(cleared.status).toBe(200);
      await expect(core('prod-us').listNamespace()).resolves.toBeDefined();
    });

    it('rejects invalid faults and unknown clusters', async () => {
      const invalid = await raw(
        'staging',
        '/_emulator/clusters/prod-us/fault',
        {
          method: 'POST',
          body: JSON.stringify({ status: 418 }),
        },
      );
      expect(invalid.status).toBe(400);
      const unknown = await raw('staging', '/_emulator/clusters/mars/fault', {
        method: 'DELETE',
      });
      expect(unknown.status).toBe(404);
      expect(() => emulator.setFault('mars', { status: 500 })).toThrow(/mars/);
    });
  });

  it('counts API requests per cluster', async () => {
    const before = emulator.requestCount('staging');
    const total = emulator.requestCount();
    await core('staging').listNamespace();
    await core('staging').listNode();
    expect(emulator.requestCount('staging')).toBe(before + 2);
    expect(emulator.requestCount()).toBe(total + 2);
  });

  it('serves on consecutive fixed ports and a subset of clusters', async () => {
    // Fixed ports can be taken by something else: try a few random bases.
    let fixed: KubeApiEmulator | undefined;
    let base = 0;
    for (let attempt = 0; !fixed && attempt < 10; attempt++) {
      base = 20000 + Math.floor(Math.random() * 40000);
      fixed = await startKubeApiEmulator({
        clusters: ['staging', 'prod-us'],
        port: base,
        token: 'other-token',
      }).catch(error => {
        if (error.code === 'EADDRINUSE') return undefined;
        throw error;
      });
    }
    try {
      expect(fixed?.clusters).toEqual([
        {
          name: 'staging',
          url: `http://127.0.0.1:${base}`,
          token: 'other-token',
        },
        {
          name: 'prod-us',
          url: `http://127.0.0.1:${base + 1}`,
          token: 'other-token',
        },
      ]);
    } finally {
      await fixed?.close();
    }
  });
});
