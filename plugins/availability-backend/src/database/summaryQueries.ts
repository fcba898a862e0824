import {
  AvailabilitySummary,
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import type { ReportsFilter, ReportsScope } from './AvailabilityStore';
import {
  applyEntityFilter,
  applyReportsFilter,
  hasFilter,
} from './reportFilter';
import {
  CheckCountRow,
  DAILY,
  DayGroupRow,
  FAILING,
  LevelGroupRow,
  OwnerGroupRow,
  REPORTS,
} from './tables';

/** The UTC date (YYYY-MM-DD) `days` days before `now`. */
function utcDayBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Week-ago scores summed per owner, and the oldest day they are from. */
type PreviousRow = {
  owner: string | null;
  count: number | string;
  total: number | string | null;
  since: string;
};

/**
 * Each entity's daily score as it stood a week ago, joined to its report
 * (aliased `r`, for the filters): its last point on or before that day, or
 * its oldest when its history is younger, as the entity tab compares. Only
 * points from before today count, so an entity refreshed today alone has
 * nothing to compare with.
 */
function previousScores(db: Knex, now: Date): Knex.QueryBuilder {
  const day = (offsetDays: number) => utcDayBefore(now, offsetDays);
  const baseline = db(DAILY)
    .where('day', '<', day(0))
    .select('entity_ref')
    .select(
      db.raw(
        'coalesce(max(case when day <= ? then day end), min(day)) as day',
        [day(7)],
      ),
    )
    .groupBy('entity_ref');
  return db(`${DAILY} as d`)
    .join(baseline.as('b'), function joinBaseline() {
      this.on('b.entity_ref', '=', 'd.entity_ref').andOn('b.day', '=', 'd.day');
    })
    .join(`${REPORTS} as r`, 'r.entity_ref', 'd.entity_ref');
}

/** Unscored reports counted by whether they had entries at all. */
type UnscoredRow = {
  empty: boolean | number | string;
  count: number | string;
};

type Tally = {
  entities: number;
  total: number;
  byLevel: Record<Level, number>;
};

function isLevel(value: string | null): value is Level {
  return (LEVELS as readonly (string | null)[]).includes(value);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Sums grouped rows into one tally per key: entities, score total, per level. */
function tallyByLevel<R extends LevelGroupRow>(
  rows: R[],
  keyOf: (row: R) => string,
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    const key = keyOf(row);
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        entities: 0,
        total: 0,
        byLevel: { gold: 0, silver: 0, bronze: 0, none: 0 },
      };
      tallies.set(key, tally);
    }
    const count = Number(row.count);
    tally.entities += count;
    tally.total += Number(row.total);
    if (isLevel(row.level)) tally.byLevel[row.level] += count;
  }
  return tallies;
}

/**
 * The org-wide aggregates, computed by the database. Without a filter every
 * stored report counts: the failing checks and daily scores are grouped on
 * their own (each row belongs to a report with a score), through covering
 * indexes. With one, they are narrowed to the matching entities by a
 * semi-join.
 */
export async function querySummary(
  db: Knex,
  filter: ReportsFilter,
  options: ReportsScope & { trendDays: number; now: Date },
): Promise<AvailabilitySummary> {
  const since = utcDayBefore(options.now, options.trendDays - 1);
  const scope: ReportsScope = { visibleEntityRefs: options.visibleEntityRefs };
  const matching = () =>
    applyReportsFilter(db, db(`${REPORTS} as r`), filter, scope).select(
      'r.entity_ref',
    );

  const checksQuery = db(`${FAILING} as f`)
    .select('f.check_id')
    .count({ count: '*' })
    .select(
      db.raw('sum(case when f.lifts_level then 1 else 0 end) as moves_up'),
    )
    .groupBy('f.check_id');
  const trendQuery = db(`${DAILY} as d`)
    .where('d.day', '>=', since)
    .select('d.day', 'd.level')
    .count({ count: '*' })
    .sum({ total: 'd.score' })
    .groupBy('d.day', 'd.level');
  if (hasFilter(filter) || scope.visibleEntityRefs) {
    checksQuery.whereIn('f.entity_ref', matching());
    trendQuery.whereIn('d.entity_ref', matching());
  }

  // Reports without a score have no level and fail no check.
  const unscoredQuery =
    filter.level?.length || filter.failingCheck?.length
      ? Promise.resolve([])
      : applyEntityFilter(db, db(`${REPORTS} as r`), filter, scope)
          .whereNull('r.score')
          .whereNotNull('r.entries')
          .select(db.raw('(r.entries = 0) as empty'))
          .count({ count: '*' })
          .groupBy('empty');

  // The totals and levels are sums of the per-owner groups.
  const [ownerRows, checkRows, trendRows, unscoredRows, previousRows] =
    (await Promise.all([
      applyReportsFilter(db, db(`${REPORTS} as r`), filter, scope)
        .select('r.owner', 'r.level')
        .count({ count: '*' })
        .sum({ total: 'r.score' })
        .groupBy('r.owner', 'r.level'),
      checksQuery,
      trendQuery,
      unscoredQuery,
      applyReportsFilter(db, previousScores(db, options.now), filter, scope)
        .select('r.owner')
        .count({ count: '*' })
        .sum({ total: 'd.score' })
        .min({ since: 'b.day' })
        .groupBy('r.owner'),
    ])) as [
      OwnerGroupRow[],
      CheckCountRow[],
      DayGroupRow[],
      UnscoredRow[],
      PreviousRow[],
    ];
  const unscored = { noWorkloads: 0, notJudged: 0 };
  for (const row of unscoredRows) {
    // SQLite answers 1/0, PostgreSQL true/false.
    unscored[row.empty && row.empty !== '0' ? 'noWorkloads' : 'notJudged'] +=
      Number(row.count);
  }

  const all = tallyByLevel(ownerRows, () => '').get('') ?? {
    entities: 0,
    total: 0,
    byLevel: { gold: 0, silver: 0, bronze: 0, none: 0 },
  };
  const owners = tallyByLevel(ownerRows, row => row.owner ?? '');
  const previous = new Map(
    previousRows.map(row => [
      row.owner ?? '',
      {
        averageScore: round1(Number(row.total) / Number(row.count)),
        since: String(row.since),
      },
    ]),
  );
  const days = tallyByLevel(trendRows, row => row.day);

  return {
    totalEntities: all.entities,
    averageScore: all.entities ? round1(all.total / all.entities) : 0,
    unscored,
    byLevel: all.byLevel,
    byOwner: [...owners.entries()]
      .map(([owner, t]) => ({
        owner,
        entities: t.entities,
        averageScore: round1(t.total / t.entities),
        byLevel: t.byLevel,
        previous: previous.get(owner) ?? null,
      }))
      .sort(
        (a, b) =>
          a.averageScore - b.averageScore || a.owner.localeCompare(b.owner),
      ),
    byCheck: checkRows
      .map(row => ({
        id: String(row.check_id),
        failing: Number(row.count),
        movesUp: Number(row.moves_up ?? 0),
      }))
      .sort((a, b) => b.failing - a.failing || a.id.localeCompare(b.id)),
    trend: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, t]) => ({
        date,
        averageScore: round1(t.total / t.entities),
        byLevel: t.byLevel,
      })),
  };
}
