import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogEntityVisibility } from './CatalogEntityVisibility';
import { componentEntity } from '../__testUtils__/entities';

function component(name: string, annotated = true): Entity {
  return componentEntity(name, annotated ? {} : { annotations: {} });
}

function setup() {
  const catalog = catalogServiceMock({
    entities: [
      component('Shop-API'),
      component('web'),
      component('docs', false),
    ],
  });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  let now = 0;
  const visibility = CatalogEntityVisibility.create({
    catalog,
    ttlMs: 10_000,
    now: () => now,
  });
  return {
    catalog,
    queryEntities,
    visibility,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogEntityVisibility', () => {
  it('lists the lower-cased refs of annotated entities, asking for ref fields only', async () => {
    const { visibility, queryEntities } = setup();
    const refs = await visibility.visibleEntityRefs(mockCredentials.user());
    expect([...refs].sort()).toEqual([
      'component:default/shop-api',
      'component:default/web',
    ]);
    expect(queryEntities.mock.calls[0][0]).toMatchObject({
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    });
    expect(queryEntities.mock.calls[0][1]).toEqual({
      credentials: mockCredentials.user(),
    });
  });

  it('reuses a principal’s set for its lifetime, and no other principal’s', async () => {
    const { visibility, queryEntities, advance } = setup();
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');
    await Promise.all([
      visibility.visibleEntityRefs(alice),
      visibility.visibleEntityRefs(alice),
    ]);
    expect(queryEntities).toHaveBeenCalledTimes(1);
    await visibility.visibleEntityRefs(bob);
    expect(queryEntities).toHaveBeenCalledTimes(2);
    advance(9_999);
    await visibility.visibleEntityRefs(alice);
    expect(queryEntities).toHaveBeenCalledTimes(2);
    advance(1);
    await visibility.visibleEntityRefs(alice);
    expect(queryEntities).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed fetch', async () => {
    const { visibility, queryEntities } = setup();
    queryEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(
      visibility.visibleEntityRefs(mockCredentials.user()),
    ).rejects.toThrow('catalog down');
    const refs = await visibility.visibleEntityRefs(mockCredentials.user());
    expect(refs.size).toBe(2);
  });

  it('tells whether one entity is readable', async () => {
    const { visibility } = setup();
    const user = mockCredentials.user();
    expect(await visibility.canReadEntity('component:default/web', user)).toBe(
      true,
    );
    expect(await visibility.canReadEntity('component:default/nope', user)).toBe(
      false,
    );
  });
});
