import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type {
  AvailabilityReport,
  AvailabilitySummary,
  Level,
} from '@availability-backstage/plugin-availability-common';
import { levelLiftingChecks } from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import { DatabaseAvailabilityStore } from './DatabaseAvailabilityStore';
import { StoredEntityInfo } from './AvailabilityStore';
import { checkResult, oneWorkloadReport } from '../__testUtils__/reports';

jest.setTimeout(60_000);

// PostgreSQL runs where its connection string is given (the project's test
// script starts a local server); elsewhere only SQLite runs, and says so.
const hasPostgres = Boolean(
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
);
const databaseIds: TestDatabaseId[] = hasPostgres
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
if (!hasPostgres) {
  // eslint-disable-next-line no-console
  console.warn(
    'DatabaseAvailabilityStore: skipping PostgreSQL 15, set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to run it',
  );
}

const databases = TestDatabases.create({ ids: databaseIds });

function entity(
  name: string,
  extra: Partial<StoredEntityInfo> = {},
): StoredEntityInfo {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team-a',
    system: 'system:default/shop',
    lifecycle: 'production',
    ...extra,
  };
}

function report(score: number, level: Level, failing: string[] = []) {
  return oneWorkloadReport({
    score,
    level,
    cluster: 'prod-eu',
    checks: [
      checkResult('probe-readiness', 'pass'),
      ...failing.map(id => checkResult(id, 'fail')),
    ],
  });
}

/** A refresh that found nothing, or found objects but judged nothing. */
function unscoredReport(found: 'nothing' | 'objects'): AvailabilityReport {
  return {
    score: null,
    level: null,
    errors: [],
    workloads:
      found === 'nothing'
        ? []
        : [
            {
              kind: 'Deployment',
              namespace: 'shop',
              name: 'api',
              score: null,
              level: null,
              checks: [
                {
                  id: 'runtime-ready',
                  status: 'unknown',
                  severity: 'critical',
                  message: 'no status',
                  remediation: null,
                  reason: null,
                },
              ],
            },
          ],
  };
}

const clusters = [{ cluster: 'prod-eu', status: 'ok' as const }];

const LEVELS: Level[] = ['gold', 'silver', 'bronze', 'none'];
const CHECK_IDS = [
  'pdb-present',
  'replicas-min',
  'spread-zones',
  'probe-liveness',
];

/** A small seeded generator, so that the random scenario repeats exactly. */
function createRandom(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return {
    int: (min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1)),
    pick: <T>(values: T[]): T => values[Math.floor(next() * values.length)],
    chance: (p: number) => next() < p,
  };
}

type Filter = Parameters<DatabaseAvailabilityStore['getSummary']>[0];

/**
 * The summary computed the slow, obvious way from what the store returns
 * item by item: the latest reports, and for the trend the last history
 * point of each entity and day. The scenarios that use it save only scored
 * reports, so nothing is unscored.
 */
async function expectedSummary(
  store: DatabaseAvailabilityStore,
  filter: Filter,
  options: { trendDays: number; now: Date },
): Promise<AvailabilitySummary> {
  const items = (await store.listReports({ ...filter, limit: 500 })).items;
  const round1 = (v: number) => Math.round(v * 10) / 10;
  const zero = (): Record<Level, number> => ({
    gold: 0,
    silver: 0,
    bronze: 0,
    none: 0,
  });
  const byLevel = zero();
  const owners = new Map<
    string,
    { n: number; total: number; byLevel: Record<Level, number> }
  >();
  const checks = new Map<string, { failing: number; movesUp: number }>();
  const previous = new Map<
    string,
    { n: number; total: number; since: string }
  >();
  const dayBefore = (offsetDays: number) =>
    new Date(options.now.getTime() - offsetDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
  const days = new Map<
    string,
    { n: number; total: number; byLevel: Record<Level, number> }
  >();
  const since = new Date(
    options.now.getTime() - (options.trendDays - 1) * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  for (const item of items) {
    byLevel[item.level] += 1;
    const owner = owners.get(item.owner ?? '') ?? {
      n: 0,
      total: 0,
      byLevel: zero(),
    };
    owner.n += 1;
    owner.total += item.score;
    owner.byLevel[item.level] += 1;
    owners.set(item.owner ?? '', owner);
    const stored = await store.getEntityReport(item.entityRef, {
      historyLimit: 10_000,
    });
    const lifting = levelLiftingChecks(
      stored!.report!.workloads.flatMap(w => w.checks),
    );
    for (const id of item.failingChecks) {
      const check = checks.get(id) ?? { failing: 0, movesUp: 0 };
      check.failing += 1;
      if (lifting.includes(id)) check.movesUp += 1;
      checks.set(id, check);
    }
    const lastOfDay = new Map<string, { score: number; level: Level }>();
    for (const point of stored!.history) {
      lastOfDay.set(point.refreshedAt.slice(0, 10), point);
    }
    const earlier = [...lastOfDay.keys()].filter(d => d < dayBefore(0)).sort();
    const baseline = earlier.filter(d => d <= dayBefore(7)).pop() ?? earlier[0];
    if (baseline) {
      const entry = previous.get(item.owner ?? '') ?? {
        n: 0,
        total: 0,
        since: baseline,
      };
      entry.n += 1;
      entry.total += lastOfDay.get(baseline)!.score;
      if (baseline < entry.since) entry.since = baseline;
      previous.set(item.owner ?? '', entry);
    }
    for (const [day, point] of lastOfDay) {
      if (day < since) continue;
      const entry = days.get(day) ?? { n: 0, total: 0, byLevel: zero() };
      entry.n += 1;
      entry.total += point.score;
      entry.byLevel[point.level] += 1;
      days.set(day, entry);
    }
  }
  const totalScore = items.reduce((sum, i) => sum + i.score, 0);
  return {
    totalEntities: items.length,
    averageScore: items.length ? round1(totalScore / items.length) : 0,
    unscored: { noWorkloads: 0, notJudged: 0 },
    byLevel,
    byOwner: [...owners.entries()]
      .map(([owner, e]) => ({
        owner,
        entities: e.n,
        averageScore: round1(e.total / e.n),
        byLevel: e.byLevel,
        previous: previous.has(owner)
          ? {
              averageScore: round1(
                previous.get(owner)!.total / previous.get(owner)!.n,
              ),
              since: previous.get(owner)!.since,
            }
          : null,
      }))
      .sort(
        (a, b) =>
          a.averageScore - b.averageScore || a.owner.localeCompare(b.owner),
      ),
    byCheck: [...checks.entries()]
      .map(([id, { failing, movesUp }]) => ({ id, failing, movesUp }))
      .sort((a, b) => b.failing - a.failing || a.id.localeCompare(b.id)),
    trend: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, e]) => ({
        date,
        averageScore: round1(e.total / e.n),
        byLevel: e.byLevel,
      })),
  };
}

describe.each(databaseIds)('DatabaseAvailabilityStore on %s', databaseId => {
  async function createStore(historyLimit?: number, db?: Knex) {
    const knex = db ?? (await databases.init(databaseId));
    return DatabaseAvailabilityStore.create({
      database: { getClient: async () => knex, migrations: { skip: false } },
      historyLimit,
    });
  }

  it('saves a report and reads it back with history', async () => {
    const store = await createStore();
    await store.saveReport({
      entity: entity('API', { title: 'The API' }),
      report: report(80, 'silver', ['pdb-present']),
      clusters,
      refreshedAt: new Date('2025-06-01T10:00:00Z'),
    });

    const stored = await store.getEntityReport('Component:default/api');
    expect(stored).toEqual({
      entityRef: 'component:default/api',
      report: report(80, 'silver', ['pdb-present']),
      clusters,
      refreshedAt: '2025-06-01T10:00:00.000Z',
      stale: false,
      lastError: null,
      history: [
        {
          refreshedAt: '2025-06-01T10:00:00.000Z',
          score: 80,
          level: 'silver',
          failingChecks: ['pdb-present'],
        },
      ],
    });
    await expect(
      store.getEntityReport('component:default/other'),
    ).resolves.toBeUndefined();
  });

  it('keeps the last good report on failure and marks it stale', async () => {
    const store = await createStore();
    await store.saveReport({
      entity: entity('api'),
      report: report(90, 'gold'),
      clusters,
      refreshedAt: new Date('2025-06-01T10:00:00Z'),
    });
    const failedClusters = [
      { cluster: 'prod-eu', status: 'error' as const, message: '500' },
    ];
    await store.saveFailure({
      entity: entity('api'),
      clusters: failedClusters,
      message: 'every cluster failed',
      failedAt: new Date('2025-06-01T10:30:00Z'),
    });

    const stored = await store.getEntityReport('component:default/api');
    expect(stored?.report?.score).toBe(90);
    expect(stored?.stale).toBe(true);
    expect(stored?.refreshedAt).toBe('2025-06-01T10:00:00.000Z');
    expect(stored?.clusters).toEqual(failedClusters);
    expect(stored?.lastError).toEqual({
      message: 'every cluster failed',
      at: '2025-06-01T10:30:00.000Z',
    });
    // Still listed, flagged stale.
    const page = await store.listReports({});
    expect(page.items.map(i => [i.entityRef, i.stale])).toEqual([
      ['component:default/api', true],
    ]);

    // A later success clears the failure.
    await store.saveReport({
      entity: entity('api'),
      report: report(70, 'bronze'),
      clusters,
      refreshedAt: new Date('2025-06-01T11:00:00Z'),
    });
    const after = await store.getEntityReport('component:default/api');
    expect(after?.stale).toBe(false);
    expect(after?.lastError).toBeNull();
    expect(after?.history.map(h => h.score)).toEqual([90, 70]);
  });

  it('records a failure of an entity that never had a report', async () => {
    const store = await createStore();
    await store.saveFailure({
      entity: entity('new'),
      clusters: [],
      message: 'kubernetes backend answered 503',
      failedAt: new Date('2025-06-01T10:30:00Z'),
    });
    const stored = await store.getEntityReport('component:default/new');
    expect(stored).toMatchObject({
      report: null,
      refreshedAt: null,
      stale: false,
      lastError: { message: 'kubernetes backend answered 503' },
    });
    await expect(store.listReports({})).resolves.toEqual({
      items: [],
      totalItems: 0,
    });
  });

  it('compacts unchanged results of one day and caps the history', async () => {
    const store = await createStore(3);
    const save = (score: number, at: string) =>
      store.saveReport({
        entity: entity('api'),
        report: report(score, score >= 90 ? 'gold' : 'bronze'),
        clusters,
        refreshedAt: new Date(at),
      });
    await save(90, '2025-06-01T10:00:00Z');
    await save(90, '2025-06-01T10:30:00Z');
    await save(90, '2025-06-02T10:00:00Z');
    await save(60, '2025-06-02T10:30:00Z');
    await save(90, '2025-06-02T11:00:00Z');

    const stored = await store.getEntityReport('component:default/api');
    expect(stored?.history.map(h => [h.refreshedAt, h.score])).toEqual([
      ['2025-06-02T10:00:00.000Z', 90],
      ['2025-06-02T10:30:00.000Z', 60],
      ['2025-06-02T11:00:00.000Z', 90],
    ]);
  });

  it('pages with a keyset cursor in both orders and both keys', async () => {
    const store = await createStore();
    const scores = [50, 80, 80, 80, 95, 20, 80];
    for (const [i, score] of scores.entries()) {
      await store.saveReport({
        entity: entity(`svc-${i}`),
        report: report(score, 'bronze'),
        clusters,
        refreshedAt: new Date('2025-06-01T10:00:00Z'),
      });
    }

    async function all(query: {
      orderBy: 'score' | 'name';
      order: 'asc' | 'desc';
    }) {
      const names: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listReports({ ...query, limit: 2, cursor });
        expect(page.totalItems).toBe(scores.length);
        names.push(...page.items.map(i => i.name));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(4);
      return names;
    }

    expect(await all({ orderBy: 'score', order: 'asc' })).toEqual([
      'svc-5',
      'svc-0',
      'svc-1',
      'svc-2',
      'svc-3',
      'svc-6',
      'svc-4',
    ]);
    expect(await all({ orderBy: 'score', order: 'desc' })).toEqual([
      'svc-4',
      'svc-6',
      'svc-3',
      'svc-2',
      'svc-1',
      'svc-0',
      'svc-5',
    ]);
    expect(await all({ orderBy: 'name', order: 'desc' })).toEqual(
      scores.map((_, i) => `svc-${i}`).reverse(),
    );
    await expect(store.listReports({ cursor: 'garbage' })).rejects.toThrow(
      'Invalid cursor',
    );
  });

  it('sorts by level, then score, across pages: a bronze 93 below a silver 80', async () => {
    const store = await createStore();
    const entries: Array<[string, number, Level]> = [
      ['crash-looping', 93, 'bronze'],
      ['steady', 80, 'silver'],
      ['solid', 96, 'gold'],
      ['weak', 40, 'none'],
      ['also-bronze', 60, 'bronze'],
    ];
    for (const [name, score, level] of entries) {
      await store.saveReport({
        entity: entity(name),
        report: report(score, level),
        clusters,
        refreshedAt: new Date('2025-06-01T10:00:00Z'),
      });
    }
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listReports({
        orderBy: 'level',
        order: 'asc',
        limit: 2,
        cursor,
      });
      names.push(...page.items.map(i => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual([
      'weak',
      'also-bronze',
      'crash-looping',
      'steady',
      'solid',
    ]);
  });

  it('counts the values of each filter field under the other filters', async () => {
    const store = await createStore();
    const save = (
      name: string,
      extra: Partial<StoredEntityInfo>,
      failing: string[],
    ) =>
      store.saveReport({
        entity: entity(name, extra),
        report: report(60, 'bronze', failing),
        clusters,
        refreshedAt: new Date('2025-06-01T10:00:00Z'),
      });
    await save('cart', {}, ['replicas-min']);
    await save('pay', { owner: 'group:default/team-b' }, ['replicas-min']);
    await save('old', { lifecycle: 'deprecated' }, ['pdb-present']);

    const all = await store.getFacets({});
    expect(all.lifecycle).toEqual([
      { value: 'production', count: 2 },
      { value: 'deprecated', count: 1 },
    ]);
    expect(all.failingCheck).toEqual([
      { value: 'replicas-min', count: 2 },
      { value: 'pdb-present', count: 1 },
    ]);

    const production = await store.getFacets({ lifecycle: ['production'] });
    // Its own field keeps every value; the others narrow to production.
    expect(production.lifecycle).toEqual(all.lifecycle);
    expect(production.owner).toEqual([
      { value: 'group:default/team-a', count: 1 },
      { value: 'group:default/team-b', count: 1 },
    ]);
    expect(production.failingCheck).toEqual([
      { value: 'replicas-min', count: 2 },
    ]);
  });

  it('filters in SQL by every field, failing checks and text', async () => {
    const store = await createStore();
    const save = (
      name: string,
      extra: Partial<StoredEntityInfo>,
      score: number,
      level: Level,
      failing: string[],
    ) =>
      store.saveReport({
        entity: entity(name, extra),
        report: report(score, level, failing),
        clusters,
        refreshedAt: new Date('2025-06-01T10:00:00Z'),
      });
    await save('cart', { title: 'Shopping Cart 100%' }, 95, 'gold', []);
    await save(
      'pay',
      { owner: 'group:default/team-b', lifecycle: 'experimental' },
      60,
      'bronze',
      ['pdb-present', 'replicas-min'],
    );
    await save(
      'web',
      { kind: 'Website', system: 'system:default/web' },
      78,
      'silver',
      ['pdb-present'],
    );

    const names = async (query: object) =>
      (await store.listReports({ orderBy: 'name', ...query })).items.map(
        i => i.name,
      );
    expect(await names({ owner: ['Group:default/team-b'] })).toEqual(['pay']);
    expect(await names({ system: ['system:default/shop'] })).toEqual([
      'cart',
      'pay',
    ]);
    expect(await names({ kind: ['website'] })).toEqual(['web']);
    expect(await names({ lifecycle: ['experimental'] })).toEqual(['pay']);
    expect(await names({ level: ['gold', 'silver'] })).toEqual(['cart', 'web']);
    expect(await names({ failingCheck: ['pdb-present'] })).toEqual([
      'pay',
      'web',
    ]);
    expect(
      await names({ failingCheck: ['replicas-min', 'probe-liveness'] }),
    ).toEqual(['pay']);
    expect(await names({ text: 'shopping' })).toEqual(['cart']);
    expect(await names({ text: '100%' })).toEqual(['cart']);
    expect(await names({ text: '_' })).toEqual([]);
    expect(
      await names({
        failingCheck: ['pdb-present'],
        owner: ['group:default/team-a'],
      }),
    ).toEqual(['web']);

    const page = await store.listReports({ failingCheck: ['pdb-present'] });
    expect(page.totalItems).toBe(2);
    expect(page.items[0]).toEqual({
      entityRef: 'component:default/pay',
      kind: 'component',
      namespace: 'default',
      name: 'pay',
      owner: 'group:default/team-b',
      system: 'system:default/shop',
      lifecycle: 'experimental',
      score: 60,
      level: 'bronze',
      failingChecks: ['pdb-present', 'replicas-min'],
      refreshedAt: '2025-06-01T10:00:00.000Z',
      stale: false,
    });
  });

  it('summarises with aggregates, per owner, per check and per day', async () => {
    const store = await createStore();
    const save = (
      name: string,
      owner: string,
      score: number,
      level: Level,
      failing: string[],
      at: string,
    ) =>
      store.saveReport({
        entity: entity(name, { owner }),
        report: report(score, level, failing),
        clusters,
        refreshedAt: new Date(at),
      });
    await save(
      'a',
      'group:default/x',
      50,
      'bronze',
      ['pdb-present'],
      '2025-06-01T10:00:00Z',
    );
    await save(
      'a',
      'group:default/x',
      60,
      'bronze',
      ['pdb-present'],
      '2025-06-01T12:00:00Z',
    );
    await save('a', 'group:default/x', 100, 'gold', [], '2025-06-02T10:00:00Z');
    await save(
      'b',
      'group:default/x',
      80,
      'silver',
      ['spread-zones'],
      '2025-06-02T10:00:00Z',
    );
    await save(
      'c',
      'group:default/y',
      30,
      'none',
      ['pdb-present', 'replicas-min'],
      '2025-06-02T10:00:00Z',
    );
    // Not deployed yet, and deployed but judged on nothing: counted on their
    // own, never in the averages, levels or trend.
    for (const [name, owner, found] of [
      ['d', 'group:default/x', 'nothing'],
      ['e', 'group:default/y', 'nothing'],
      ['f', 'group:default/y', 'objects'],
    ] as const) {
      await store.saveReport({
        entity: entity(name, { owner }),
        report: unscoredReport(found),
        clusters,
        refreshedAt: new Date('2025-06-02T10:00:00Z'),
      });
    }

    const summary = await store.getSummary(
      {},
      { now: new Date('2025-06-02T12:00:00Z') },
    );
    expect(summary).toEqual({
      totalEntities: 3,
      averageScore: 70,
      unscored: { noWorkloads: 2, notJudged: 1 },
      byLevel: { gold: 1, silver: 1, bronze: 0, none: 1 },
      byOwner: [
        {
          owner: 'group:default/y',
          entities: 1,
          averageScore: 30,
          byLevel: { gold: 0, silver: 0, bronze: 0, none: 1 },
          // Only refreshed today: nothing to compare with.
          previous: null,
        },
        {
          owner: 'group:default/x',
          entities: 2,
          averageScore: 90,
          byLevel: { gold: 1, silver: 1, bronze: 0, none: 0 },
          // a stood at 60 the day before; b has no earlier point.
          previous: { averageScore: 60, since: '2025-06-01' },
        },
      ],
      // Each failing check is one high failure of two or three checks:
      // fixing it alone lifts its entity a level.
      byCheck: [
        { id: 'pdb-present', failing: 1, movesUp: 1 },
        { id: 'replicas-min', failing: 1, movesUp: 1 },
        { id: 'spread-zones', failing: 1, movesUp: 1 },
      ],
      trend: [
        {
          date: '2025-06-01',
          averageScore: 60,
          byLevel: { gold: 0, silver: 0, bronze: 1, none: 0 },
        },
        {
          date: '2025-06-02',
          averageScore: 70,
          byLevel: { gold: 1, silver: 1, bronze: 0, none: 1 },
        },
      ],
    });

    const filtered = await store.getSummary(
      { owner: ['group:default/y'] },
      { now: new Date('2025-06-02T12:00:00Z'), trendDays: 1 },
    );
    expect(filtered.totalEntities).toBe(1);
    expect(filtered.unscored).toEqual({ noWorkloads: 1, notJudged: 1 });
    expect(filtered.byCheck.map(c => c.id)).toEqual([
      'pdb-present',
      'replicas-min',
    ]);
    expect(filtered.trend.map(t => t.date)).toEqual(['2025-06-02']);

    // Without a level there is nothing a level filter could match.
    const byLevel = await store.getSummary(
      { level: ['none'] },
      { now: new Date('2025-06-02T12:00:00Z') },
    );
    expect(byLevel.unscored).toEqual({ noWorkloads: 0, notJudged: 0 });

    const listed = await store.listReports({});
    expect(listed.items.map(i => i.name).sort()).toEqual(['a', 'b', 'c']);
    const notDeployed = await store.getEntityReport('component:default/d');
    expect(notDeployed?.report).toEqual(unscoredReport('nothing'));
    expect(notDeployed?.history).toEqual([]);
  });

  it('lists and deletes entities with their history', async () => {
    const store = await createStore();
    for (const name of ['a', 'b', 'c']) {
      await store.saveReport({
        entity: entity(name),
        report: report(50, 'bronze', ['pdb-present']),
        clusters,
        refreshedAt: new Date('2025-06-01T10:00:00Z'),
      });
    }
    await store.deleteEntities(['component:default/a', 'Component:default/B']);
    expect(await store.listEntityRefs()).toEqual(['component:default/c']);
    expect(await store.getEntityReport('component:default/a')).toBeUndefined();
    const summary = await store.getSummary({});
    // One high failure beside one pass: fixing it lifts c from bronze.
    expect(summary.byCheck).toEqual([
      { id: 'pdb-present', failing: 1, movesUp: 1 },
    ]);
  });

  it("compares each team's average with where its entities stood a week ago", async () => {
    const store = await createStore();
    const save = (name: string, owner: string, score: number, at: string) =>
      store.saveReport({
        entity: entity(name, { owner }),
        report: report(score, 'bronze'),
        clusters,
        refreshedAt: new Date(at),
      });
    const now = new Date('2025-06-20T12:00:00Z');
    // a: its last point on or before 2025-06-13 counts, not the later ones.
    await save('a', 'group:default/x', 40, '2025-06-05T10:00:00Z');
    await save('a', 'group:default/x', 60, '2025-06-12T10:00:00Z');
    await save('a', 'group:default/x', 70, '2025-06-16T10:00:00Z');
    await save('a', 'group:default/x', 90, '2025-06-20T10:00:00Z');
    // b: history younger than a week, so its oldest point counts.
    await save('b', 'group:default/x', 50, '2025-06-17T10:00:00Z');
    await save('b', 'group:default/x', 80, '2025-06-19T10:00:00Z');
    // c: only refreshed today, nothing to compare with.
    await save('c', 'group:default/y', 30, '2025-06-20T09:00:00Z');

    const summary = await store.getSummary({}, { now });
    const previousOf = (owner: string) =>
      summary.byOwner.find(o => o.owner === owner)?.previous;
    expect(previousOf('group:default/x')).toEqual({
      averageScore: 55,
      since: '2025-06-12',
    });
    expect(previousOf('group:default/y')).toBeNull();
    expect(
      summary.byOwner.find(o => o.owner === 'group:default/x'),
    ).toMatchObject({
      averageScore: 85,
    });
    // The filters narrow the comparison as they narrow the rest.
    const narrowed = await store.getSummary(
      { text: 'component:default/b' },
      { now },
    );
    expect(narrowed.byOwner[0].previous).toEqual({
      averageScore: 50,
      since: '2025-06-17',
    });
  });
  it('keeps the trend on the last point of each day across refreshes, caps and deletions', async () => {
    const store = await createStore(3);
    const save = (name: string, score: number, level: Level, at: string) =>
      store.saveReport({
        entity: entity(name),
        report: report(score, level),
        clusters,
        refreshedAt: new Date(at),
      });
    const now = new Date('2025-06-05T12:00:00Z');
    const trend = async () =>
      (await store.getSummary({}, { now })).trend.map(t => [
        t.date,
        t.averageScore,
      ]);

    // Several refreshes a day: the day's last one counts.
    await save('a', 40, 'none', '2025-06-01T08:00:00Z');
    await save('a', 70, 'bronze', '2025-06-01T09:00:00Z');
    await save('b', 90, 'gold', '2025-06-01T09:00:00Z');
    expect(await trend()).toEqual([['2025-06-01', 80]]);
    // An unchanged result moves the day's point forward; the trend stays.
    await save('a', 70, 'bronze', '2025-06-01T10:00:00Z');
    expect(await trend()).toEqual([['2025-06-01', 80]]);
    // Back to an earlier result later the same day.
    await save('a', 40, 'none', '2025-06-01T11:00:00Z');
    expect(await trend()).toEqual([['2025-06-01', 65]]);

    // The cap (3 points) drops a's oldest points; 2025-06-01 keeps its last.
    await save('a', 50, 'bronze', '2025-06-02T10:00:00Z');
    expect(await trend()).toEqual([
      ['2025-06-01', 65],
      ['2025-06-02', 50],
    ]);
    await save('a', 60, 'bronze', '2025-06-03T10:00:00Z');
    await save('a', 61, 'bronze', '2025-06-04T10:00:00Z');
    // a's 2025-06-01 points are all gone now: only b is left that day.
    expect(await trend()).toEqual([
      ['2025-06-01', 90],
      ['2025-06-02', 50],
      ['2025-06-03', 60],
      ['2025-06-04', 61],
    ]);

    // A deleted entity leaves the trend.
    await store.deleteEntities(['component:default/b']);
    expect(await trend()).toEqual([
      ['2025-06-02', 50],
      ['2025-06-03', 60],
      ['2025-06-04', 61],
    ]);
    const summary = await store.getSummary({}, { now });
    expect(summary.trend[0].byLevel).toEqual({
      gold: 0,
      silver: 0,
      bronze: 1,
      none: 0,
    });
    expect(summary).toEqual(
      await expectedSummary(store, {}, { now, trendDays: 30 }),
    );
  });

  it('summarises exactly what the reports and histories say, with and without filters', async () => {
    const store = await createStore(4);
    const random = createRandom(7);
    const start = Date.parse('2025-06-01T00:00:00Z');
    const names = Array.from({ length: 24 }, (_, i) => `svc-${i}`);
    const owners = ['group:default/x', 'group:default/y', 'group:default/z'];
    const info = new Map(
      names.map(name => [
        name,
        entity(name, {
          owner: random.chance(0.1) ? undefined : random.pick(owners),
          kind: random.pick(['Component', 'Resource']),
          lifecycle: random.pick(['production', 'experimental']),
          title: `Service ${name.toUpperCase()}`,
        }),
      ]),
    );
    // Refreshes at random times over 12 days, some out of order, some
    // failures, and entities that leave and come back.
    for (let step = 0; step < 180; step++) {
      const name = random.pick(names);
      const at = new Date(start + random.int(0, 12 * 24) * 3_600_000);
      if (random.chance(0.08)) {
        await store.deleteEntities([`component:default/${name}`]);
      } else if (random.chance(0.1)) {
        await store.saveFailure({
          entity: info.get(name)!,
          clusters,
          message: 'boom',
          failedAt: at,
        });
      } else {
        const score = random.int(0, 20) * 5;
        const failing = CHECK_IDS.filter(() => random.chance(0.4));
        await store.saveReport({
          entity: info.get(name)!,
          report: report(score, random.pick(LEVELS), failing),
          clusters,
          refreshedAt: at,
        });
      }
    }

    const now = new Date('2025-06-12T12:00:00Z');
    const filters: Filter[] = [
      {},
      { owner: ['group:default/x'] },
      { owner: ['group:default/y', 'group:default/z'], kind: ['resource'] },
      { level: ['bronze', 'none'] },
      { failingCheck: ['spread-zones'] },
      { failingCheck: ['pdb-present'], lifecycle: ['production'] },
      { text: 'svc-1' },
      { text: '   ' },
      { system: ['system:default/none'] },
    ];
    for (const filter of filters) {
      for (const trendDays of [30, 5]) {
        const actual = await store.getSummary(filter, { now, trendDays });
        const expected = await expectedSummary(store, filter, {
          now,
          trendDays,
        });
        expect({ filter, trendDays, summary: actual }).toEqual({
          filter,
          trendDays,
          summary: expected,
        });
      }
    }
    // The scenario did exercise what it is meant to.
    const whole = await store.getSummary({}, { now });
    expect(whole.totalEntities).toBeGreaterThan(5);
    expect(whole.trend.length).toBeGreaterThan(8);
  });

  it('fills the daily trend from existing history when migrating', async () => {
    const knex = await databases.init(databaseId);
    const directory = resolvePackagePath(
      '@availability-backstage/plugin-availability-backend',
      'migrations',
    );
    // Only the first migration: the schema before the daily scores existed.
    await knex.migrate.up({ directory });
    await knex('availability_reports').insert({
      entity_ref: 'component:default/api',
      kind: 'component',
      namespace: 'default',
      name: 'api',
      search_text: 'component:default/api',
      score: 90,
      level: 'gold',
      failing_checks: '[]',
      report: JSON.stringify(report(90, 'gold')),
      refreshed_at: '2025-06-02T09:00:00.000Z',
    });
    const point = (at: string, score: number, level: Level) => ({
      entity_ref: 'component:default/api',
      refreshed_at: at,
      day: at.slice(0, 10),
      score,
      level,
      failing_checks: '[]',
    });
    await knex('availability_history').insert(
      point('2025-06-01T08:00:00.000Z', 30, 'none'),
    );
    await knex('availability_history').insert(
      point('2025-06-01T09:00:00.000Z', 50, 'bronze'),
    );
    await knex('availability_history').insert(
      point('2025-06-02T09:00:00.000Z', 90, 'gold'),
    );

    const store = await createStore(undefined, knex);
    const summary = await store.getSummary(
      {},
      { now: new Date('2025-06-02T12:00:00Z') },
    );
    expect(summary.trend).toEqual([
      {
        date: '2025-06-01',
        averageScore: 50,
        byLevel: { gold: 0, silver: 0, bronze: 1, none: 0 },
      },
      {
        date: '2025-06-02',
        averageScore: 90,
        byLevel: { gold: 1, silver: 0, bronze: 0, none: 0 },
      },
    ]);

    // And back down: the migration can be rolled back and reapplied.
    await knex.migrate.rollback({ directory }, true);
    await knex.migrate.latest({ directory });
    const [{ count }] = await knex('availability_daily_scores').count({
      count: '*',
    });
    expect(Number(count)).toBe(0);
  });

  it('keeps the objects behind a report, the latest reports and Node lists', async () => {
    const store = await createStore();
    const objects = [
      {
        object: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'api' },
        },
        cluster: 'prod-eu',
      },
    ];
    await store.saveReport({
      entity: entity('api', { title: 'The API' }),
      report: report(80, 'silver'),
      clusters,
      refreshedAt: new Date('2025-06-01T10:00:00Z'),
      objects,
    });
    await store.saveReport({
      entity: entity('web', { owner: 'group:default/team-b' }),
      report: report(60, 'bronze'),
      clusters,
      refreshedAt: new Date('2025-06-01T11:00:00Z'),
    });
    await expect(
      store.getEntityObjects('Component:default/api'),
    ).resolves.toEqual(objects);
    await expect(
      store.getEntityObjects('component:default/web'),
    ).resolves.toBeUndefined();
    await expect(
      store.listLatestReports({ owner: ['group:default/team-a'] }),
    ).resolves.toEqual([
      {
        entityRef: 'component:default/api',
        title: 'The API',
        owner: 'group:default/team-a',
        report: report(80, 'silver'),
        refreshedAt: '2025-06-01T10:00:00.000Z',
      },
    ]);
    expect(await store.listLatestReports({})).toHaveLength(2);

    const nodes = [{ name: 'eu-1', zone: 'eu-1a' }, { name: 'eu-2' }];
    await store.saveClusterNodes({
      cluster: 'prod-eu',
      nodes: nodes.slice(1),
      refreshedAt: new Date('2025-06-01T09:00:00Z'),
    });
    await store.saveClusterNodes({
      cluster: 'prod-eu',
      nodes,
      refreshedAt: new Date('2025-06-01T10:00:00Z'),
    });
    await expect(store.listClusterNodes()).resolves.toEqual([
      { cluster: 'prod-eu', nodes, refreshedAt: '2025-06-01T10:00:00.000Z' },
    ]);

    await store.deleteEntities(['component:default/api']);
    await expect(
      store.getEntityObjects('component:default/api'),
    ).resolves.toBeUndefined();
  });
});
