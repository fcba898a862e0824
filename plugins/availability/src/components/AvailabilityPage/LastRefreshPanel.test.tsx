import { RefreshRun } from '@availability-backstage/plugin-availability-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, waitFor } from '@testing-library/react';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { LastRefreshPanel } from './LastRefreshPanel';

const run: RefreshRun = {
  status: 'succeeded',
  startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  finishedAt: new Date(Date.now() - 4 * 60_000).toISOString(),
  durationMs: 42_400,
  entities: { total: 120, ok: 118, failed: 2, removed: 1 },
  clusters: [
    { cluster: 'prod-eu', status: 'ok', requests: 12 },
    {
      cluster: 'prod-us',
      status: 'error',
      message: 'no answer within 20s',
      requests: 1,
    },
  ],
  errors: [],
};

async function renderPanel(api: ReturnType<typeof mockAvailabilityApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[availabilityApiRef, api]]}>
      <LastRefreshPanel />
    </TestApiProvider>,
  );
}

describe('LastRefreshPanel', () => {
  it('tells how the last full refresh went', async () => {
    await renderPanel(
      mockAvailabilityApi({ getRefreshStatus: async () => ({ run }) }),
    );
    expect(await screen.findByText('Last refresh')).toBeInTheDocument();
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
    expect(screen.getByText(/started 5 minutes ago, took 42 s/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /118 ok, 2 failed, 1 removed of 120 entities; 13 Kubernetes API requests over 2 clusters/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('prod-us: no answer within 20s'),
    ).toBeInTheDocument();
  });

  it('says when none has run yet', async () => {
    await renderPanel(mockAvailabilityApi());
    expect(
      await screen.findByText('No full refresh has run yet.'),
    ).toBeInTheDocument();
  });

  it('stays out of the way when the backend cannot tell', async () => {
    const api = mockAvailabilityApi({
      getRefreshStatus: async () => {
        throw new Error('404 Not Found');
      },
    });
    await renderPanel(api);
    await waitFor(() => expect(api.getRefreshStatus).toHaveBeenCalled());
    // Let the rejection settle before looking.
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(screen.queryByTestId('last-refresh-panel')).toBeNull();
  });
});
