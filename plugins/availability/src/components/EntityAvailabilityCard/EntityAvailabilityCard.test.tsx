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
  it('shows score, level and the three most important failing checks', async () => {
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
    const list = screen.getByRole('list', { name: 'Top failing checks' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'At least two replicascritical · 1 workload · 1 replica; at least 2 are needed',
      'PodDisruptionBudget presenthigh · 1 workload · no PodDisruptionBudget selects the pods',
      'probe-livenesshigh · 1 workload · container worker has no liveness probe',
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

  it('says when every check passes', async () => {
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
      await screen.findByText('Every counted check passes.'),
    ).toBeInTheDocument();
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
