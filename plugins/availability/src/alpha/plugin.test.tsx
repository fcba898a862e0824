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
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { availabilityApiRef } from '../api';
import { mockAvailabilityApi } from '../__fixtures__/mockAvailabilityApi';
import { entity } from '../__fixtures__/reports';
import availabilityPlugin, {
  availabilityApi,
  availabilityPage,
  entityAvailabilityCard,
  entityAvailabilityContent,
} from './index';

const annotated = entity;
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

  it('adds an Availability tab for entities with kubernetes annotations', () => {
    const tester = createExtensionTester(entityAvailabilityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('availability');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Availability',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotated)).toBe(true);
    expect(filter?.(bySelector)).toBe(true);
    expect(filter?.(plain)).toBe(false);
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
    );
    expect(await screen.findByTestId('entity-score')).toHaveTextContent('62');
  });
});
