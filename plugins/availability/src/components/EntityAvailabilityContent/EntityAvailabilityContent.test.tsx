import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { entity, entityReport } from '../../__fixtures__/reports';
import { EntityAvailabilityContent } from './EntityAvailabilityContent';

async function renderContent(options: {
  api?: ReturnType<typeof mockAvailabilityApi>;
  allowRefresh?: boolean;
  entity?: Entity;
}) {
  const api = options.api ?? mockAvailabilityApi();
  // Awaited so that no test leaves React's act() scope open for the next.
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [availabilityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize:
              options.allowRefresh === false
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }),
        ],
      ]}
    >
      <EntityProvider entity={options.entity ?? entity}>
        <EntityAvailabilityContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  return { api, ...rendered };
}

describe('EntityAvailabilityContent', () => {
  it('shows the score, level, clusters and staleness', async () => {
    const { api } = await renderContent({});

    expect(await screen.findByTestId('entity-score')).toHaveTextContent('62');
    expect(api.getEntityReport).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(screen.getAllByLabelText('Level Bronze').length).toBeGreaterThan(0);
    expect(screen.getByText('prod-eu: reachable')).toBeInTheDocument();
    expect(
      screen.getByText('prod-us: unreachable (403 Forbidden)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Stale')).toBeInTheDocument();
    expect(screen.getByText(/prod-us: 403 Forbidden/)).toBeInTheDocument();
  });

  it('lists failing checks first, most severe first, with catalog titles', async () => {
    await renderContent({});
    await screen.findByTestId('entity-score');

    const failing = screen
      .getByText('Failing (3)')
      .closest('.MuiAccordion-root');
    const ids = within(failing as HTMLElement)
      .getAllByTestId(/^check-/)
      .map(el => el.dataset.testid);
    expect(ids).toEqual([
      'check-replicas-min',
      'check-pdb-present',
      'check-graceful-shutdown',
    ]);
    expect(screen.getByText('At least two replicas')).toBeInTheDocument();
    expect(
      screen.getByText('1 replica; at least 2 are needed'),
    ).toBeInTheDocument();
    // A check missing from the catalog falls back to its id.
    expect(screen.getByText('graceful-shutdown')).toBeInTheDocument();
  });

  it('expands a remediation with a copyable YAML snippet', async () => {
    await renderContent({});
    await screen.findByTestId('entity-score');

    const check = screen.getByTestId('check-replicas-min');
    const snippet = () => check.querySelector('code');
    expect(snippet()).toBeNull();
    await userEvent.click(
      within(check).getByRole('button', { name: 'How to fix' }),
    );

    expect(
      within(check).getByText('Run at least two replicas:'),
    ).toBeInTheDocument();
    // The highlighter loads lazily.
    await waitFor(() =>
      expect(snippet()).toHaveTextContent('spec: replicas: 3'),
    );
    expect(
      within(check).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    // No remediation, no button.
    expect(
      within(screen.getByTestId('check-graceful-shutdown')).queryByRole(
        'button',
      ),
    ).not.toBeInTheDocument();
  });

  it('shows exemptions with their reason and expiry', async () => {
    await renderContent({});
    await screen.findByTestId('entity-score');
    expect(
      screen.getByText(
        'Exempt: the service mesh enforces traffic policy (until 2099-12-31)',
      ),
    ).toBeInTheDocument();
  });

  it('shows the workload, its replicas and where its pods run', async () => {
    await renderContent({});
    await screen.findByTestId('entity-score');
    expect(screen.getByText('Deployment checkout-api')).toBeInTheDocument();
    expect(
      screen.getByText('namespace shop · cluster prod-eu'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Replicas: 1 ready of 1 desired'),
    ).toBeInTheDocument();
    const perNode = screen.getByRole('table', { name: 'Pods per node' });
    expect(within(perNode).getByText('node-a')).toBeInTheDocument();
    expect(
      within(perNode).getByText('checkout-api-7d9f-abcde, 6 restarts'),
    ).toBeInTheDocument();
    const perZone = screen.getByRole('table', { name: 'Pods per zone' });
    expect(within(perZone).getByText('eu-west-1a')).toBeInTheDocument();
  });

  it('refreshes on demand and shows the fresh report', async () => {
    const api = mockAvailabilityApi({
      refreshEntityReport: jest.fn(async () => ({
        ...entityReport,
        report: { ...entityReport.report!, score: 91, level: 'gold' as const },
        stale: false,
        lastError: null,
      })),
    });
    await renderContent({ api });
    await screen.findByTestId('entity-score');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh' }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('entity-score')).toHaveTextContent('91'),
    );
    expect(api.refreshEntityReport).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Stale')).not.toBeInTheDocument();
  });

  it('asks for the kubernetes annotations when they are missing', async () => {
    const { api } = await renderContent({
      entity: { ...entity, metadata: { name: 'plain' } },
    });
    expect(
      (await screen.findAllByText(/backstage.io\/kubernetes-id/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/backstage.io\/kubernetes-label-selector/).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityReport).not.toHaveBeenCalled();
  });

  it('explains when there is no report yet', async () => {
    await renderContent({
      api: mockAvailabilityApi({
        getEntityReport: jest.fn(async () => ({
          ...entityReport,
          report: null,
          refreshedAt: null,
          stale: false,
          history: [],
        })),
      }),
    });
    expect(
      await screen.findByText('No availability report yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Never refreshed successfully'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Refresh now' }),
    ).toBeInTheDocument();
  });

  it('says when no workload was found, naming the annotation and the clusters asked', async () => {
    await renderContent({
      api: mockAvailabilityApi({
        getEntityReport: jest.fn(async () => ({
          ...entityReport,
          report: { score: null, level: null, workloads: [], errors: [] },
          clusters: [
            { cluster: 'prod-eu', status: 'ok' as const },
            { cluster: 'staging', status: 'ok' as const },
          ],
          stale: false,
        })),
      }),
    });
    const notFound = await screen.findByTestId('availability-no-workloads');
    expect(notFound).toHaveTextContent('No workloads found');
    expect(notFound).toHaveTextContent(
      `Looked for backstage.io/kubernetes-id: ${
        entity.metadata.annotations!['backstage.io/kubernetes-id']
      } in clusters prod-eu, staging.`,
    );
    // Nothing judged is never 100 or gold.
    expect(screen.getByTestId('entity-score')).toHaveTextContent('no score');
    expect(screen.getByLabelText('No score: nothing was judged')).toBeVisible();
    expect(screen.queryByLabelText('Level Gold')).not.toBeInTheDocument();
    expect(screen.queryByText('100')).not.toBeInTheDocument();
  });

  it('shows backend errors', async () => {
    await renderContent({
      api: mockAvailabilityApi({
        getEntityReport: jest.fn(async () => {
          throw new Error('backend is down');
        }),
      }),
    });
    expect(
      await screen.findByText('Error: backend is down'),
    ).toBeInTheDocument();
  });
});
