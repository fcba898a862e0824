import { ReportsQuery } from '@availability-backstage/plugin-availability-common';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { availabilityApiRef } from '../../api';
import { mockAvailabilityApi } from '../../__fixtures__/mockAvailabilityApi';
import { entity, reportRow, summary } from '../../__fixtures__/reports';
import { AvailabilityPage } from './AvailabilityPage';

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location-search">{location.search}</div>;
}

async function renderPage(
  api: ReturnType<typeof mockAvailabilityApi>,
  url = '/availability',
) {
  const untracked: Entity = {
    ...entity,
    metadata: { name: 'not-deployed', namespace: 'default' },
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [availabilityApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [entity, untracked] })],
      ]}
    >
      <AvailabilityPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function lastQuery(api: ReturnType<typeof mockAvailabilityApi>): ReportsQuery {
  const calls = api.listReports.mock.calls;
  return calls[calls.length - 1][0] ?? {};
}

// The material-table based page renders slowly under jsdom on a busy machine.
jest.setTimeout(30_000);

describe('AvailabilityPage', () => {
  it('shows the org rollups and the first page of entities, worst level first', async () => {
    const api = mockAvailabilityApi({
      getSummary: jest.fn(async () => ({
        ...summary,
        // 3 × medium (2) = 6 weighs less than 1 × critical (8) or 2 × high (4).
        byCheck: [
          ...summary.byCheck,
          { id: 'network-policy', failing: 3, movesUp: 0 },
        ],
      })),
      listReports: jest.fn(async () => ({
        items: [
          reportRow('checkout'),
          reportRow('payments', {
            score: 95,
            level: 'gold',
            failingChecks: [],
          }),
        ],
        totalItems: 2,
      })),
    });
    await renderPage(api);

    expect(await screen.findByText('Entities (2)')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      orderBy: 'level',
      order: 'asc',
      limit: 25,
      cursor: undefined,
    });
    expect(screen.getByTestId('availability-overall-total')).toHaveTextContent(
      '3',
    );
    expect(screen.getByText('71')).toBeInTheDocument();
    expect(screen.getByTestId('availability-unscored')).toHaveTextContent(
      'Not scored: 1 with no workloads found',
    );

    const owners = screen.getByRole('table', { name: 'Availability by owner' });
    expect(
      within(owners)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['team-b', 'team-a']);
    // team-a averages 81 now, 74 a week ago; team-b has no earlier point.
    const teamA = within(owners).getByText('team-a').closest('tr')!;
    expect(teamA).toHaveTextContent('+7 since Mar 3');
    const teamB = within(owners).getByText('team-b').closest('tr')!;
    expect(teamB).not.toHaveTextContent('since');

    const top = screen.getByRole('list', { name: 'Top failing checks' });
    expect(
      within(top)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual([
      'PodDisruptionBudget present',
      'At least two replicas',
      'NetworkPolicy present',
    ]);
    // Fixing replicas-min alone lifts one service a level; the others none.
    expect(
      within(top)
        .getAllByText(/up a level/)
        .map(e => e.textContent),
    ).toEqual(['Fixing it moves 1 service up a level']);

    // Failing checks, worst severity first, whatever order the row has.
    const row = screen.getByText('checkout').closest('tr')!;
    expect(row.textContent).toMatch(/criticalreplicas-minhighpdb-present/);

    // Coverage: one of the two catalog components carries an annotation.
    expect(await screen.findByText(/components are tracked/)).toHaveTextContent(
      '1 of 2 components are tracked; 1 not tracked.',
    );
  });

  it('feeds the filters of the table to every panel', async () => {
    const api = mockAvailabilityApi();
    await renderPage(api, '/availability?lifecycle=production');
    await screen.findByText('Entities (0)');
    expect(api.getSummary).toHaveBeenLastCalledWith({
      lifecycle: ['production'],
    });
    expect(api.getFacets).toHaveBeenLastCalledWith({
      lifecycle: ['production'],
    });
  });

  it('sorts from the table headers', async () => {
    const api = mockAvailabilityApi();
    await renderPage(api);
    await screen.findByText('Entities (0)');
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ orderBy: 'score', order: 'asc' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ orderBy: 'score', order: 'desc' }),
    );
  });

  it('reads its filters and sort from the URL', async () => {
    const api = mockAvailabilityApi();
    await renderPage(
      api,
      '/availability?owner=group:default/team-a&level=gold,silver&failingCheck=pdb-present&text=pay&orderBy=name&order=desc',
    );

    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        owner: ['group:default/team-a'],
        level: ['gold', 'silver'],
        failingCheck: ['pdb-present'],
        text: 'pay',
        orderBy: 'name',
        order: 'desc',
        limit: 25,
        cursor: undefined,
      }),
    );
    expect(screen.getByLabelText('Search entities')).toHaveValue('pay');
  });

  it('drills down into a team from the owner rollup, in the URL too', async () => {
    const api = mockAvailabilityApi();
    await renderPage(api);

    const owners = await screen.findByRole('table', {
      name: 'Availability by owner',
    });
    await userEvent.click(
      within(owners).getByRole('button', { name: 'team-b' }),
    );

    await waitFor(() =>
      expect(lastQuery(api).owner).toEqual(['group:default/team-b']),
    );
    expect(screen.getByTestId('location-search')).toHaveTextContent(
      '?owner=group%3Adefault%2Fteam-b',
    );
  });

  it('filters by a failing check from the top list', async () => {
    const api = mockAvailabilityApi();
    await renderPage(api);
    const top = await screen.findByRole('list', { name: 'Top failing checks' });
    await userEvent.click(
      within(top).getByRole('button', { name: 'At least two replicas' }),
    );
    await waitFor(() =>
      expect(lastQuery(api).failingCheck).toEqual(['replicas-min']),
    );
  });

  it('pages on the server with the cursor', async () => {
    const api = mockAvailabilityApi({
      listReports: jest.fn(async (query: ReportsQuery = {}) =>
        query.cursor === 'page-2'
          ? { items: [reportRow('zeta')], totalItems: 26 }
          : {
              items: [reportRow('alpha')],
              totalItems: 26,
              nextCursor: 'page-2',
            },
      ),
    });
    await renderPage(api);
    expect(await screen.findByText('Entities (26)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastQuery(api).cursor).toBe('page-2'));
    expect(await screen.findByText('26-26 of 26')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    await waitFor(() => expect(lastQuery(api).cursor).toBeUndefined());
    expect(await screen.findByText('1-25 of 26')).toBeInTheDocument();
  });

  it('exports every page of the current view as CSV', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const api = mockAvailabilityApi({
      listReports: jest.fn(async (query: ReportsQuery = {}) => {
        if (query.limit !== 500) {
          return { items: [reportRow('alpha')], totalItems: 2 };
        }
        return query.cursor
          ? { items: [reportRow('zeta')], totalItems: 2 }
          : { items: [reportRow('alpha')], totalItems: 2, nextCursor: 'next' };
      }),
    });
    await renderPage(api, '/availability?owner=group:default/team-a');
    await screen.findByText('Entities (2)');

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const exportCalls = api.listReports.mock.calls
      .map(([q]) => q)
      .filter(q => q?.limit === 500);
    expect(exportCalls).toEqual([
      expect.objectContaining({
        owner: ['group:default/team-a'],
        cursor: undefined,
      }),
      expect.objectContaining({
        owner: ['group:default/team-a'],
        cursor: 'next',
      }),
    ]);
    const text = await blobs[0].text();
    expect(text.split('\r\n').map(line => line.split(',')[0])).toEqual([
      'entity',
      'component:default/alpha',
      'component:default/zeta',
      '',
    ]);
  });

  it('shows backend errors for the list', async () => {
    const api = mockAvailabilityApi({
      listReports: jest.fn(async () => {
        throw new Error('database unavailable');
      }),
    });
    await renderPage(api);
    expect(
      await screen.findByText('Error: database unavailable'),
    ).toBeInTheDocument();
  });
});
