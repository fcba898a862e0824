import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import { EntityScorecardContent } from './EntityScorecardContent';
import { entityScorecardContent } from './scorecardModule';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'storefront-web', namespace: 'default' },
  spec: { type: 'service', owner: 'storefront', lifecycle: 'production' },
};

const check = (id: string, name: string, result: boolean) => ({
  check: {
    id,
    type: 'json-rules-engine',
    name,
    description: `${name}, described`,
    factIds: ['availability-fact-retriever'],
  },
  facts: {},
  result,
});

function renderContent(response: Response) {
  const baseImplementation = jest.fn(async () => response);
  renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, mockApis.discovery({ baseUrl: 'http://backend' })],
        [fetchApiRef, mockApis.fetch({ baseImplementation })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityScorecardContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  return baseImplementation;
}

describe('EntityScorecardContent', () => {
  it('runs every check on the entity and shows each verdict', async () => {
    const fetch = renderContent(
      Response.json([
        check('availabilityLevelGold', 'Availability level is gold', false),
        check('availabilityNoCriticalFailure', 'No critical failure', true),
      ]),
    );
    const table = await screen.findByTestId('tech-insights-scorecard');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'Availability level is goldAvailability level is gold, describedFailed',
      'No critical failureNo critical failure, describedPassed',
    ]);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(
      'http://backend/api/tech-insights/checks/run/default/component/storefront-web',
    );
    expect(init).toMatchObject({ method: 'POST', body: '{}' });
  });

  it('says so when no facts are stored for the entity yet', async () => {
    renderContent(Response.json([]));
    expect(
      await screen.findByText('No Tech Insights results yet'),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    renderContent(
      Response.json(
        { error: { name: 'NotAllowedError', message: 'Unauthorized' } },
        { status: 403 },
      ),
    );
    expect(await screen.findByText(/Unauthorized/)).toBeInTheDocument();
  });
});

describe('the Scorecard tab', () => {
  it('is on Components only', () => {
    const tester = createExtensionTester(entityScorecardContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('scorecard');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Scorecard');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(entity)).toBe(true);
    expect(filter?.({ ...entity, kind: 'Group' })).toBe(false);
  });
});
