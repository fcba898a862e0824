import { reportsQueryToSearchParams } from '../api/AvailabilityClient';
import { hasFilters, parseReportsView } from './reportsSearchParams';

describe('parseReportsView', () => {
  it('reads repeated and comma-separated filters', () => {
    const view = parseReportsView(
      new URLSearchParams(
        'owner=group:default/team-a&owner=group:default/team-b,group:default/team-a&level=gold,bronze&failingCheck=replicas-min&text=%20shop%20&orderBy=score&order=asc',
      ),
    );
    expect(view).toEqual({
      owner: ['group:default/team-a', 'group:default/team-b'],
      level: ['gold', 'bronze'],
      failingCheck: ['replicas-min'],
      text: 'shop',
      orderBy: 'score',
      order: 'asc',
    });
  });

  it('drops values the API would reject', () => {
    expect(
      parseReportsView(
        new URLSearchParams('level=platinum&orderBy=age&order=up&kind=,'),
      ),
    ).toEqual({});
  });

  it('round-trips through the API query serialisation', () => {
    const view = {
      owner: ['group:default/team-a'],
      system: ['shop'],
      kind: ['Component'],
      lifecycle: ['production'],
      level: ['silver' as const],
      failingCheck: ['pdb-present', 'spread-zones'],
      text: 'api',
      orderBy: 'name' as const,
      order: 'desc' as const,
    };
    expect(parseReportsView(reportsQueryToSearchParams(view))).toEqual(view);
  });
});

describe('hasFilters', () => {
  it('ignores the sort', () => {
    expect(hasFilters({ orderBy: 'score', order: 'asc' })).toBe(false);
    expect(hasFilters({ level: ['none'] })).toBe(true);
  });
});
