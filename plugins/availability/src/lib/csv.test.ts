import { reportsToCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nbye']])).toBe(
      'a,b\r\n"x,y","say ""hi""\nbye"\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-1+2'], [-5]])).toBe(
      `a\r\n"'=HYPERLINK(""x"")"\r\n'-1+2\r\n'-5\r\n`,
    );
  });
});

describe('reportsToCsv', () => {
  it('writes one line per entity with its failing checks', () => {
    const csv = reportsToCsv([
      {
        entityRef: 'component:shop/api',
        kind: 'Component',
        namespace: 'shop',
        name: 'api',
        owner: 'group:default/team-a',
        score: 72,
        level: 'bronze',
        failingChecks: ['replicas-min', 'pdb-present'],
        refreshedAt: '2025-01-02T03:04:05.000Z',
        stale: false,
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'entity,kind,namespace,name,owner,system,lifecycle,score,level,failing_checks,refreshed_at,stale',
      'component:shop/api,Component,shop,api,group:default/team-a,,,72,bronze,replicas-min pdb-present,2025-01-02T03:04:05.000Z,false',
      '',
    ]);
  });
});
