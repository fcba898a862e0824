import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { entity, entityReport } from '../../__fixtures__/reports';
import { EntityAvailabilityCard } from './EntityAvailabilityCard';

async function renderCard(
  api = mockAvailabilityApi(),
  cardEntity = entity,
  contentPath?: string,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[availabilityApiRef, api]]}>
      <EntityProvider entity={cardEntity}>
        <EntityAvailabilityCard contentPath={contentPath} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('EntityAvailabilityCard', () => {
  it('shows score, level, why, and the fixes that reach the next level', async () => {
    const twoWorkloads = {
      ...entityReport,
      report: {
        ...entityReport.report!,
        workloads: [
          ...entityReport.report!.workloads,
          {
            ...entityReport.report!.workloads[0],
            name: 'checkout-worker',
            checks: [
              {
                id: 'probe-liveness',
                status: 'fail' as const,
                severity: 'high' as const,
                message: 'container worker has no liveness probe',
                remediation: null,
                reason: null,
              },
            ],
          },
        ],
      },
    };
    await renderCard(
      mockAvailabilityApi({
        getEntityReport: jest.fn(async () => twoWorkloads),
      }),
    );

    expect(await screen.findByTestId('entity-score')).toHaveTextContent('62');
    expect(
      screen.getByTestId('availability-level-explanation'),
    ).toHaveTextContent(/^Bronze: 1 critical failure \(replicas-min\)\./);
    expect(screen.getByTestId('availability-stale')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Fix first' });
    const items = within(list).getAllByRole('listitem');
    // The engine's plan over the fixture's checks: 4 of 21 weight passes;
    // the critical fix gives 12 of 21, one high fix more reaches 75.
    expect(items.map(item => item.textContent)).toEqual([
      'At least two replicas (+38)critical · checkout-api in prod-eu',
      'PodDisruptionBudget present (+19)high · checkout-api in prod-eu',
    ]);
  });

  it('links to the availability tab of the entity', async () => {
    await renderCard();
    await screen.findByTestId('entity-score');
    expect(
      screen.getByRole('link', { name: /View availability details/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/availability',
    );
  });

  it('links to a custom tab path', async () => {
    await renderCard(mockAvailabilityApi(), entity, '/ha');
    await screen.findByTestId('entity-score');
    expect(
      screen.getByRole('link', { name: /View availability details/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/ha');
  });

  it('says why a report is gold', async () => {
    await renderCard(
      mockAvailabilityApi({
        getEntityReport: jest.fn(async () => ({
          ...entityReport,
          report: {
            score: 100,
            level: 'gold' as const,
            workloads: [],
            errors: [],
          },
        })),
      }),
    );
    expect(
      await screen.findByTestId('availability-level-explanation'),
    ).toHaveTextContent('Gold: score 100 and no critical or high failure.');
    expect(screen.queryByTestId('availability-fix-first')).toBeNull();
  });

  it('asks for the annotations instead of calling the backend', async () => {
    const api = await renderCard(mockAvailabilityApi(), {
      ...entity,
      metadata: { name: 'plain' },
    });
    expect(
      (await screen.findAllByText(/backstage.io\/kubernetes-label-selector/))
        .length,
    ).toBeGreaterThan(0);
    expect(api.getEntityReport).not.toHaveBeenCalled();
  });
});
