import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { entity, entityReport } from '../../__fixtures__/reports';
import { renderContent } from './__testUtils__/renderContent';

// Full entity tabs render slowly on a loaded machine; this is no timing test.
jest.setTimeout(30_000);

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
    // The score says it is stale; the cluster's error is said once.
    expect(screen.getByTestId('availability-stale')).toHaveTextContent(
      /^Stale: as of .+; last refresh failed on 1 cluster$/,
    );
    expect(screen.getAllByText(/403 Forbidden/)).toHaveLength(1);
    expect(
      screen.getByText('1 Deployment in 1 cluster · 3 checks fail'),
    ).toBeInTheDocument();
  });

  it('explains the level and lists what to fix first, with the score each fix adds', async () => {
    await renderContent({});
    await screen.findByTestId('entity-score');
    expect(
      screen.getByTestId('availability-level-explanation'),
    ).toHaveTextContent(
      'Bronze: 1 critical failure (replicas-min). Fix these 2 for Gold.',
    );
    const fixFirst = screen.getByTestId('availability-fix-first');
    expect(
      within(fixFirst).getByRole('button', {
        name: 'At least two replicas: show replicas-min of Deployment checkout-api',
      }),
    ).toBeInTheDocument();
    expect(within(fixFirst).getAllByRole('listitem')).toHaveLength(2);
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
    const rows = within(failing as HTMLElement);
    expect(rows.getByText('At least two replicas')).toBeInTheDocument();
    expect(
      rows.getByText('1 replica; at least 2 are needed'),
    ).toBeInTheDocument();
    // A check missing from the catalog falls back to its id.
    expect(rows.getByText('graceful-shutdown')).toBeInTheDocument();
  });

  it('shows a workload of two clusters once, with the clusters a check fails in, and filters by cluster', async () => {
    const [deployment] = entityReport.report!.workloads;
    const twoClusters = {
      ...entityReport,
      report: {
        ...entityReport.report!,
        workloads: [deployment, { ...deployment, cluster: 'prod-us' }],
      },
    };
    await renderContent({
      api: mockAvailabilityApi({
        getEntityReport: jest.fn(async () => twoClusters),
      }),
    });
    await screen.findByTestId('entity-score');
    expect(
      screen.getAllByRole('heading', { name: 'Deployment checkout-api' }),
    ).toHaveLength(1);
    const check = screen.getByTestId('check-replicas-min');
    expect(
      within(check).getByLabelText('fails in prod-eu'),
    ).toBeInTheDocument();
    expect(
      within(check).getByLabelText('fails in prod-us'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 Deployment in 2 clusters · 3 checks fail'),
    ).toBeInTheDocument();

    const filter = screen.getByRole('group', { name: 'Show clusters' });
    await userEvent.click(
      within(filter).getByRole('button', { name: 'prod-us' }),
    );
    expect(screen.queryByText(/^prod-eu · 62 Bronze/)).not.toBeInTheDocument();
    expect(screen.getByText(/^prod-us · 62 Bronze/)).toBeInTheDocument();
  });

  it('expands a remediation with a copyable YAML snippet', async () => {
    await renderContent({});
    await screen.findByTestId('entity-score');

    const check = screen.getByTestId('check-replicas-min');
    const snippet = () => check.querySelector('code');
    expect(snippet()).toBeNull();
    await userEvent.click(
      within(check).getByRole('button', {
        name: 'How to fix replicas-min of checkout-api in prod-eu',
      }),
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
    expect(
      screen.getByRole('heading', {
        level: 3,
        name: 'Deployment checkout-api',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('namespace shop')).toBeInTheDocument();
    expect(
      screen.getByText('prod-eu · 62 Bronze · 1 ready of 1 desired'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: /^Where the pods run .*, checkout-api$/,
      }),
    );
    const perNode = screen.getByRole('table', {
      name: 'Pods per node in prod-eu',
    });
    expect(within(perNode).getByText('node-a')).toBeInTheDocument();
    // The only node holds every ready pod.
    expect(
      within(perNode).getByText('single point of failure'),
    ).toBeInTheDocument();
    // Pods link to the Kubernetes tab, and the tables say they are stale.
    expect(
      within(perNode).getByRole('link', {
        name: 'checkout-api-7d9f-abcde, 6 restarts',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/kubernetes');
    expect(screen.getByText(/^Pods in prod-eu as of/)).toBeInTheDocument();
    const perZone = screen.getByRole('table', {
      name: 'Pods per zone in prod-eu',
    });
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
    const { alertApi } = await renderContent({ api });
    await screen.findByTestId('entity-score');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh' }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('entity-score')).toHaveTextContent('91'),
    );
    expect(api.refreshEntityReport).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Stale')).not.toBeInTheDocument();
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Refreshed: improved by 29, 62 → 91 (Bronze → Gold)',
        severity: 'success',
      }),
    );
  });

  it('shows how to onboard an entity without kubernetes annotations', async () => {
    const { api } = await renderContent({
      entity: { ...entity, metadata: { name: 'plain' } },
    });
    expect(
      await screen.findByText(
        'Availability is not tracked for this entity yet',
      ),
    ).toBeInTheDocument();
    // The highlighter loads lazily and splits the snippet into tokens.
    await waitFor(() =>
      expect(document.querySelector('code')).toHaveTextContent(
        'backstage.io/kubernetes-id: plain',
      ),
    );
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
