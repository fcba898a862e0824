import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AvailabilityService } from '../service/AvailabilityService';
import { seededStore } from '../__testUtils__/seededStore';
import { registerAvailabilityActions } from '.';
import { componentEntity } from '../__testUtils__/entities';

async function setup(options?: { deny?: boolean }) {
  const seeded = await seededStore();
  // checkout-api fails several checks with one replica; cart-api is better
  // off; hidden-api has a report but the caller cannot see it in the catalog.
  await seeded.save({ name: 'checkout-api', owner: 'group:default/team-a' }, 1);
  await seeded.save({ name: 'cart-api', owner: 'group:default/team-a' }, 3);
  await seeded.save({ name: 'hidden-api', owner: 'group:default/team-a' }, 1);
  const catalog = catalogServiceMock({
    entities: [componentEntity('checkout-api'), componentEntity('cart-api')],
  });
  const service = AvailabilityService.create({
    logger: mockServices.logger.mock(),
    store: seeded.store,
    source: {
      getEntityObjects: async () => {
        throw new Error('the actions never refresh');
      },
    },
    catalog,
    auth: mockServices.auth(),
    evaluation: {},
    concurrency: 1,
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerAvailabilityActions({
    actionsRegistry,
    service,
    permissions: mockServices.permissions({
      result: options?.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    }),
    evaluateMaxBodySize: '1kb',
  });
  return { actionsRegistry, seeded };
}

const credentials = mockCredentials.user();

describe('availability actions', () => {
  it('registers three read-only actions', async () => {
    const { actionsRegistry } = await setup();
    const { actions } = await actionsRegistry.list();
    expect(actions.map(a => [a.name, a.attributes])).toEqual([
      [
        'get-entity-availability',
        { readOnly: true, idempotent: true, destructive: false },
      ],
      [
        'evaluate-manifests',
        { readOnly: true, idempotent: true, destructive: false },
      ],
      [
        'list-availability',
        { readOnly: true, idempotent: true, destructive: false },
      ],
    ]);
  });

  it('gets the stored report with failing checks worst first', async () => {
    const { actionsRegistry, seeded } = await setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-entity-availability',
      input: { entityRef: 'checkout-api' },
      credentials,
    });
    const stored = await seeded.store.getEntityReport(
      'component:default/checkout-api',
    );
    expect(output).toMatchObject({
      entityRef: 'component:default/checkout-api',
      score: stored!.report!.score,
      level: stored!.report!.level,
      refreshedAt: '2026-03-01T12:00:00.000Z',
      stale: false,
      lastError: null,
      clusters: [{ cluster: 'prod-eu', status: 'ok' }],
    });
    const failing = (output as any).failingChecks;
    expect(failing.map((f: any) => f.check)).toEqual(
      expect.arrayContaining(['replicas-min']),
    );
    expect(failing[0]).toMatchObject({
      severity: 'critical',
      workload: {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'checkout-api',
        cluster: 'prod-eu',
      },
    });
    expect(failing[0].remediation).toEqual(expect.any(String));
    const weights = { critical: 4, high: 3, medium: 2, low: 1 } as const;
    const order = failing.map(
      (f: any) => weights[f.severity as keyof typeof weights],
    );
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('answers not found for an entity the caller cannot see, though a report is stored', async () => {
    const { actionsRegistry } = await setup();
    await expect(
      actionsRegistry.invoke({
        id: 'test:get-entity-availability',
        input: { entityRef: 'component:default/hidden-api' },
        credentials,
      }),
    ).rejects.toThrow('No entity component:default/hidden-api in the catalog');
  });

  it.each([
    ['test:get-entity-availability', { entityRef: 'checkout-api' }],
    ['test:evaluate-manifests', { manifests: 'kind: Pod' }],
    ['test:list-availability', {}],
  ])('%s refuses a caller without the read permission', async (id, input) => {
    const { actionsRegistry } = await setup({ deny: true });
    await expect(
      actionsRegistry.invoke({ id, input, credentials }),
    ).rejects.toThrow('Missing permission availability.report.read');
  });

  it('evaluates manifests, within the size limit', async () => {
    const { actionsRegistry } = await setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:evaluate-manifests',
      input: {
        manifests: JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'web' } },
            template: {
              metadata: { labels: { app: 'web' } },
              spec: { containers: [{ name: 'web', image: 'web:1' }] },
            },
          },
        }),
      },
      credentials,
    });
    expect(output).toMatchObject({
      workloads: [{ kind: 'Deployment', namespace: 'shop', name: 'web' }],
      errors: [],
    });
    expect((output as any).failingChecks.map((f: any) => f.check)).toContain(
      'replicas-min',
    );

    await expect(
      actionsRegistry.invoke({
        id: 'test:evaluate-manifests',
        input: { manifests: `# ${'x'.repeat(1100)}\nkind: Pod` },
        credentials,
      }),
    ).rejects.toThrow(/more than the 1024 allowed/);
  });

  it('lists what the caller may see, filtered like the org view', async () => {
    const { actionsRegistry } = await setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:list-availability',
      input: { owner: ['team-a'], orderBy: 'name' },
      credentials,
    });
    expect((output as any).items.map((i: any) => i.entityRef)).toEqual([
      'component:default/cart-api',
      'component:default/checkout-api',
    ]);

    const failing = await actionsRegistry.invoke({
      id: 'test:list-availability',
      input: { failingCheck: ['replicas-min'] },
      credentials,
    });
    expect((failing.output as any).items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        owner: 'group:default/team-a',
        failingChecks: expect.arrayContaining(['replicas-min']),
      }),
    ]);
  });
});
