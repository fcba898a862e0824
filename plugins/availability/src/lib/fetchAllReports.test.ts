import {
  EntityReportSummary,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import { fetchAllReports } from './fetchAllReports';

function item(name: string): EntityReportSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    score: 90,
    level: 'gold',
    failingChecks: [],
    refreshedAt: '2025-01-01T00:00:00Z',
    stale: false,
  };
}

describe('fetchAllReports', () => {
  it('follows the cursor with the same filters until the last page', async () => {
    const listReports = jest.fn(async (query: ReportsQuery = {}) => {
      if (!query.cursor) {
        return {
          items: [item('a'), item('b')],
          totalItems: 3,
          nextCursor: 'c1',
        };
      }
      return { items: [item('c')], totalItems: 3 };
    });
    const progress = jest.fn();

    const items = await fetchAllReports(
      { listReports },
      { owner: ['group:default/team-a'], orderBy: 'score' },
      progress,
    );

    expect(items.map(i => i.name)).toEqual(['a', 'b', 'c']);
    expect(listReports.mock.calls.map(([q]) => q)).toEqual([
      {
        owner: ['group:default/team-a'],
        orderBy: 'score',
        limit: 500,
        cursor: undefined,
      },
      {
        owner: ['group:default/team-a'],
        orderBy: 'score',
        limit: 500,
        cursor: 'c1',
      },
    ]);
    expect(progress.mock.calls).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  it('stops when the server repeats a cursor', async () => {
    const listReports = jest.fn(async () => ({
      items: [item('a')],
      totalItems: 10,
      nextCursor: 'same',
    }));
    const items = await fetchAllReports({ listReports }, {});
    expect(listReports).toHaveBeenCalledTimes(2);
    expect(items).toHaveLength(2);
  });
});
