import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { availabilityApiRef } from '../api';
import { mockAvailabilityApi } from '../__fixtures__/mockAvailabilityApi';
import { entity, reportRow } from '../__fixtures__/reports';
import availabilityPlugin, {
  availabilityApi,
  availabilityPage,
  entityAvailabilityCard,
  entityAvailabilityContent,
  entityAvailabilityRollupCard,
} from './index';

const annotated = entity;
const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const plain = { ...entity, metadata: { name: 'plain' } };
const bySelector = {
  ...entity,
  metadata: {
    name: 'by-selector',
    annotations: { 'backstage.io/kubernetes-label-selector': 'app=api' },
  },
};

describe('availability /alpha plugin', () => {
  it('is the availability plugin with its extensions', () => {
    expect(availabilityPlugin.pluginId).toBe('availability');
    expect(availabilityPlugin.getExtension('api:availability')).toBeDefined();
    expect(
      availabilityPlugin.getExtension('entity-content:availability'),
    ).toBeDefined();
    expect(
      availabilityPlugin.getExtension('entity-card:availability'),
    ).toBeDefined();
    expect(availabilityPlugin.getExtension('page:availability')).toBeDefined();
  });

  it('provides the availability API', () => {
    const tester = createExtensionTester(availabilityApi);
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(availabilityApiRef.id);
  });

  it('adds an Availability tab to every Component, annotated or not (onboarding)', () => {
    const tester = createExtensionTester(entityAvailabilityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('availability');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Availability',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotated)).toBe(true);
    expect(filter?.(bySelector)).toBe(true);
    expect(filter?.(plain)).toBe(true);
    expect(filter?.(group)).toBe(false);
  });

  it('adds a rollup card to Group and System pages only', () => {
    const tester = createExtensionTester(entityAvailabilityRollupCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(group)).toBe(true);
    expect(filter?.({ ...group, kind: 'System' })).toBe(true);
    expect(filter?.(annotated)).toBe(false);
  });

  it('renders the Group card through the extension: the services of the team by level, worst first', async () => {
    const api = mockAvailabilityApi({
      listReports: jest.fn(async () => ({
        items: [
          reportRow('checkout'),
          reportRow('cart', { score: 95, level: 'gold' }),
        ],
        totalItems: 2,
      })),
    });
    const tester = createExtensionTester(entityAvailabilityRollupCard);
    await renderInTestApp(
      <TestApiProvider apis={[[availabilityApiRef, api]]}>
        <EntityProvider entity={group}>{tester.reactElement()}</EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const list = await screen.findByRole('list', {
      name: 'Services, worst first',
    });
    expect(list).toHaveTextContent(/^Bronze62checkout.*Gold95cart/);
    expect(api.listReports).toHaveBeenCalledWith({
      owner: ['group:default/team-a'],
      orderBy: 'level',
      order: 'asc',
      limit: 5,
    });
    expect(api.getSummary).toHaveBeenCalledWith({
      owner: ['group:default/team-a'],
    });
  });

  it('adds an overview card with the same filter', () => {
    const tester = createExtensionTester(entityAvailabilityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotated)).toBe(true);
    expect(filter?.(plain)).toBe(false);
  });

  it('serves the org page at /availability with a title for the sidebar', () => {
    const tester = createExtensionTester(availabilityPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/availability');
    expect(tester.get(coreExtensionData.title)).toBe('Availability');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('renders the entity tab through the extension', async () => {
    const tester = createExtensionTester(entityAvailabilityContent);
    await renderInTestApp(
      <TestApiProvider apis={[[availabilityApiRef, mockAvailabilityApi()]]}>
        <EntityProvider entity={annotated}>
          {tester.reactElement()}
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('entity-score')).toHaveTextContent('62');
  });
});
