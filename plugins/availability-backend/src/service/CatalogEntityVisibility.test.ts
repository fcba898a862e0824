import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CatalogEntityVisibility,
  VisibleEntities,
} from './CatalogEntityVisibility';
import { componentEntity } from '../__testUtils__/entities';

function component(name: string, annotated = true): Entity {
  return componentEntity(name, annotated ? {} : { annotations: {} });
}

function refsOf(visible: VisibleEntities): ReadonlySet<string> {
  if (!('refs' in visible)) throw new Error('expected a list of refs');
  return visible.refs;
}

function setup(permissions?: PermissionsService, auth?: AuthService) {
  const catalog = catalogServiceMock({
    entities: [
      component('Shop-API'),
      component('web'),
      component('docs', false),
    ],
  });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  let now = 0;
  const visibility = CatalogEntityVisibility.create({
    catalog,
    permissions,
    auth,
    ttlMs: 10_000,
    now: () => now,
  });
  return {
    catalog,
    queryEntities,
    getEntitiesByRefs,
    visibility,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogEntityVisibility', () => {
  it('lists the lower-cased refs of annotated entities, asking for ref fields only', async () => {
    const { visibility, queryEntities } = setup();
    const visible = await visibility.visibleEntities(mockCredentials.user());
    expect([...refsOf(visible)].sort()).toEqual([
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
      visibility.visibleEntities(alice),
      visibility.visibleEntities(alice),
    ]);
    expect(queryEntities).toHaveBeenCalledTimes(1);
    await visibility.visibleEntities(bob);
    expect(queryEntities).toHaveBeenCalledTimes(2);
    advance(9_999);
    await visibility.visibleEntities(alice);
    expect(queryEntities).toHaveBeenCalledTimes(2);
    advance(1);
    await visibility.visibleEntities(alice);
    expect(queryEntities).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed fetch', async () => {
    const { visibility, queryEntities } = setup();
    queryEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(
      visibility.visibleEntities(mockCredentials.user()),
    ).rejects.toThrow('catalog down');
    const visible = await visibility.visibleEntities(mockCredentials.user());
    expect(refsOf(visible).size).toBe(2);
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

/** A permission service that answers every user `result` for catalog reads. */
function deciding(result: AuthorizeResult) {
  const permissions = mockServices.permissions.mock();
  permissions.authorizeConditional.mockImplementation(
    async queries =>
      queries.map(() =>
        result === AuthorizeResult.CONDITIONAL
          ? {
              result,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: ['group:default/team-a'] },
              },
            }
          : { result },
      ) as any,
  );
  return permissions;
}

describe('CatalogEntityVisibility with the catalog read decision', () => {
  const user = mockCredentials.user('user:default/alice');

  it('shows every entity on an allow, asking the catalog nothing', async () => {
    const permissions = deciding(AuthorizeResult.ALLOW);
    const { visibility, queryEntities, getEntitiesByRefs } = setup(permissions);
    expect(await visibility.visibleEntities(user)).toEqual({ all: true });
    expect(
      await visibility.canReadEntity('component:default/gone', user, {
        hasReport: true,
      }),
    ).toBe(true);
    expect(queryEntities).not.toHaveBeenCalled();
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(permissions.authorizeConditional.mock.calls[0]).toEqual([
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      { credentials: user },
    ]);
  });

  it('still asks the catalog on an allow whether an entity without a report exists', async () => {
    const { visibility, getEntitiesByRefs } = setup(
      deciding(AuthorizeResult.ALLOW),
    );
    expect(await visibility.canReadEntity('component:default/web', user)).toBe(
      true,
    );
    expect(await visibility.canReadEntity('component:default/nope', user)).toBe(
      false,
    );
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });

  it('shows nothing on a deny, asking the catalog nothing', async () => {
    const { visibility, queryEntities, getEntitiesByRefs } = setup(
      deciding(AuthorizeResult.DENY),
    );
    const visible = await visibility.visibleEntities(user);
    expect(refsOf(visible).size).toBe(0);
    expect(
      await visibility.canReadEntity('component:default/web', user, {
        hasReport: true,
      }),
    ).toBe(false);
    expect(queryEntities).not.toHaveBeenCalled();
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('leaves a conditional decision to the catalog, with the caller’s credentials, once per lifetime', async () => {
    const permissions = deciding(AuthorizeResult.CONDITIONAL);
    const { visibility, queryEntities, getEntitiesByRefs, advance } =
      setup(permissions);
    const visible = await visibility.visibleEntities(user);
    expect([...refsOf(visible)].sort()).toEqual([
      'component:default/shop-api',
      'component:default/web',
    ]);
    expect(queryEntities.mock.calls[0][1]).toEqual({ credentials: user });
    await visibility.visibleEntities(user);
    expect(queryEntities).toHaveBeenCalledTimes(1);
    expect(
      await visibility.canReadEntity('component:default/web', user, {
        hasReport: true,
      }),
    ).toBe(true);
    expect(getEntitiesByRefs.mock.calls[0][1]).toEqual({ credentials: user });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    advance(10_000);
    await visibility.visibleEntities(user);
    expect(queryEntities).toHaveBeenCalledTimes(2);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
  });

  it('asks the catalog, not the permission service, for a service when it cannot tell whose decision applies', async () => {
    const permissions = deciding(AuthorizeResult.DENY);
    const { visibility, queryEntities } = setup(permissions);
    const visible = await visibility.visibleEntities(mockCredentials.service());
    expect(refsOf(visible).size).toBe(2);
    expect(queryEntities).toHaveBeenCalledTimes(1);
    expect(permissions.authorizeConditional).not.toHaveBeenCalled();
  });

  it("takes this plugin's decision for a service, as the catalog does, and asks the catalog nothing", async () => {
    const permissions = deciding(AuthorizeResult.ALLOW);
    const auth = mockServices.auth({ pluginId: 'availability' });
    const { visibility, queryEntities } = setup(permissions, auth);
    const service = mockCredentials.service('plugin:tech-insights');
    expect(await visibility.visibleEntities(service)).toEqual({ all: true });
    expect(queryEntities).not.toHaveBeenCalled();
    expect(permissions.authorizeConditional.mock.calls[0][1]).toEqual({
      credentials: await auth.getOwnServiceCredentials(),
    });
  });

  it('leaves a service whose token may not reach the catalog to the catalog', async () => {
    const permissions = deciding(AuthorizeResult.ALLOW);
    const auth = mockServices.auth.mock({
      getPluginRequestToken: async () => {
        throw new NotAllowedError('restricted');
      },
    });
    const { visibility, queryEntities } = setup(permissions, auth);
    const service = mockCredentials.service('external:ci');
    await visibility.visibleEntities(service);
    expect(queryEntities.mock.calls[0][1]).toEqual({ credentials: service });
    expect(permissions.authorizeConditional).not.toHaveBeenCalled();
  });

  it.each([
    ['fails', () => Promise.reject(new Error('permission backend down'))],
    ['answers nothing', () => Promise.resolve(undefined)],
  ])('asks the catalog when the permission service %s', async (_, answer) => {
    const permissions = deciding(AuthorizeResult.ALLOW);
    permissions.authorizeConditional.mockImplementationOnce(answer as any);
    const { visibility, queryEntities, getEntitiesByRefs } = setup(permissions);
    const visible = await visibility.visibleEntities(user);
    expect(refsOf(visible).size).toBe(2);
    expect(queryEntities).toHaveBeenCalledTimes(1);
    expect(
      await visibility.canReadEntity('component:default/nope', user, {
        hasReport: true,
      }),
    ).toBe(false);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
  });
});
