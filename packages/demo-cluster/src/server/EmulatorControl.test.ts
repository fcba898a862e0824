import { startKubeApiEmulator } from '../startKubeApiEmulator';
import { KubeApiEmulator } from '../types';

let emulator: KubeApiEmulator;

const DEPLOYMENT = 'Deployment/payments/payment-gateway';

async function control(path: string, init?: RequestInit) {
  // Any cluster's port answers for every cluster.
  return fetch(`${emulator.clusters[2].url}/_emulator/clusters${path}`, init);
}

function patch(cluster: string, ref: string, body: unknown) {
  return control(`/${cluster}/objects/${ref}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify(body),
  });
}

async function api(cluster: string, path: string) {
  const { url, token } = emulator.clusters.find(c => c.name === cluster)!;
  const res = await fetch(`${url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return res.json();
}

const podsOf = (cluster: string) =>
  api(
    cluster,
    '/api/v1/namespaces/payments/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dpayment-gateway',
  );

beforeEach(async () => {
  emulator = await startKubeApiEmulator({});
});

afterEach(async () => {
  await emulator.close();
});

describe('the object changes of the control endpoint', () => {
  it('scales a Deployment: its pods, status and the listing follow', async () => {
    const res = await patch('prod-eu', DEPLOYMENT, { spec: { replicas: 1 } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      kind: 'Deployment',
      spec: { replicas: 1 },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
    });

    expect((await podsOf('prod-eu')).items).toHaveLength(1);
    const served = await api(
      'prod-eu',
      '/apis/apps/v1/namespaces/payments/deployments/payment-gateway',
    );
    expect(served.spec.replicas).toBe(1);
    // The same shared manifest in prod-us is not touched.
    expect((await podsOf('prod-us')).items).toHaveLength(3);

    const listed = await (await control('')).json();
    expect(
      listed.clusters.map((c: { name: string; changes: string[] }) => [
        c.name,
        c.changes,
      ]),
    ).toEqual([
      ['prod-eu', [DEPLOYMENT]],
      ['prod-us', []],
      ['staging', []],
    ]);
    // The listing keeps its fields beside the new one.
    expect(listed.clusters[0]).toMatchObject({
      name: 'prod-eu',
      url: emulator.clusters[0].url,
      fault: null,
      requests: expect.any(Number),
    });
  });

  it('leaves the other workloads where and as they were', async () => {
    // Pod IPs and resourceVersions come from counters; the rest stays.
    const others = async () =>
      ((await api('prod-eu', '/api/v1/pods')).items as any[])
        .filter(pod => !pod.metadata.name.startsWith('payment-gateway'))
        .map(pod => ({
          name: pod.metadata.name,
          node: pod.spec.nodeName,
          phase: pod.status.phase,
          containers: pod.status.containerStatuses,
        }));
    const before = await others();
    await patch('prod-eu', DEPLOYMENT, { spec: { replicas: 1 } });
    expect(await others()).toEqual(before);
  });

  it('undoes every change of a cluster: it serves what it served at start', async () => {
    const before = await api('prod-eu', '/api/v1/pods');
    const deployments = await api('prod-eu', '/apis/apps/v1/deployments');
    await patch('prod-eu', DEPLOYMENT, { spec: { replicas: 1 } });
    await patch('prod-eu', 'Deployment/storefront/cart-service', {
      emulator: { crashLoop: [0] },
    });

    const reset = await control('/prod-eu/changes', { method: 'DELETE' });
    expect(await reset.json()).toEqual({ name: 'prod-eu', changes: [] });
    expect(await api('prod-eu', '/api/v1/pods')).toEqual(before);
    expect(await api('prod-eu', '/apis/apps/v1/deployments')).toEqual(
      deployments,
    );
  });

  it('patches runtime hints through the emulator field', async () => {
    const res = await patch('prod-eu', DEPLOYMENT, {
      emulator: { crashLoop: [0] },
    });
    expect(await res.json()).toMatchObject({ status: { readyReplicas: 2 } });
    const waiting = (await podsOf('prod-eu')).items.map(
      (pod: any) => pod.status.containerStatuses[0].state.waiting?.reason,
    );
    expect(waiting.filter(Boolean)).toEqual(['CrashLoopBackOff']);
  });

  it('reads an authored object, cluster-scoped ones by kind and name', async () => {
    const res = await control(`/prod-eu/objects/${DEPLOYMENT}`);
    expect(await res.json()).toMatchObject({
      metadata: { name: 'payment-gateway' },
      status: { readyReplicas: 3 },
    });
    const priorityClass = await control(
      '/prod-eu/objects/PriorityClass/business-critical',
    );
    expect(priorityClass.status).toBe(200);
  });

  it('changes through the programmatic API too', async () => {
    expect(
      emulator.patchObject('prod-us', DEPLOYMENT, { spec: { replicas: 2 } }),
    ).toMatchObject({ spec: { replicas: 2 } });
    expect((await podsOf('prod-us')).items).toHaveLength(2);
    emulator.resetObjects('prod-us');
    expect((await podsOf('prod-us')).items).toHaveLength(3);
  });

  it.each([
    ['a patch that is not an object', DEPLOYMENT, [1], 400],
    ['a changed name', DEPLOYMENT, { metadata: { name: 'other' } }, 400],
    ['a changed kind', DEPLOYMENT, { kind: 'StatefulSet' }, 400],
    ['hints that are not an object', DEPLOYMENT, { emulator: 3 }, 400],
    [
      'a change the controllers cannot run',
      DEPLOYMENT,
      { spec: { template: null } },
      400,
    ],
    ['an unknown object', 'Deployment/payments/nothing', {}, 404],
    ['a generated object', 'ReplicaSet/payments/payment-gateway', {}, 404],
  ])('refuses %s and changes nothing', async (_, ref, body, status) => {
    const res = await patch('prod-eu', ref, body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ kind: 'Status', code: status });
    expect((await podsOf('prod-eu')).items).toHaveLength(3);
    expect((await (await control('/prod-eu/changes')).json()).changes).toEqual(
      [],
    );
  });

  it('answers 400 to a body that is not JSON, 404 for an unknown cluster and 405 for other methods', async () => {
    const notJson = await control(`/prod-eu/objects/${DEPLOYMENT}`, {
      method: 'PATCH',
      body: '{"spec":',
    });
    expect(notJson.status).toBe(400);
    expect((await patch('mars', DEPLOYMENT, {})).status).toBe(404);
    const put = await control(`/prod-eu/objects/${DEPLOYMENT}`, {
      method: 'PUT',
      body: '{}',
    });
    expect(put.status).toBe(405);
    const post = await control('/prod-eu/changes', { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
