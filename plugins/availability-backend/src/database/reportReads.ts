import type {
  ClusterStatus,
  EntityReportResponse,
  EntityReportSummary,
  HistoryPoint,
  Level,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import { LEVELS } from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import { Cursor, decodeCursor, encodeCursor } from './cursor';
import type { ReportsScope } from './AvailabilityStore';
import { applyReportsFilter } from './reportFilter';
import {
  HISTORY,
  HistoryRow,
  parseJsonArray,
  REPORTS,
  ReportRow,
} from './tables';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** The entity's report with its latest history points; undefined when nothing is stored. */
export async function readEntityReport(
  db: Knex,
  entityRef: string,
  historyLimit: number,
): Promise<EntityReportResponse | undefined> {
  const ref = entityRef.toLocaleLowerCase('en-US');
  const row: ReportRow | undefined = await db(REPORTS)
    .where('entity_ref', ref)
    .first();
  if (!row) {
    return undefined;
  }
  const historyRows: Pick<
    HistoryRow,
    'refreshed_at' | 'score' | 'level' | 'failing_checks'
  >[] = await db(HISTORY)
    .where('entity_ref', ref)
    .orderBy('id', 'desc')
    .limit(historyLimit)
    .select('refreshed_at', 'score', 'level', 'failing_checks');
  const history: HistoryPoint[] = historyRows.reverse().map(h => ({
    refreshedAt: h.refreshed_at,
    score: Number(h.score),
    level: h.level,
    failingChecks: parseJsonArray<string>(h.failing_checks),
  }));
  return {
    entityRef: row.entity_ref,
    report: row.report ? JSON.parse(row.report) : null,
    clusters: parseJsonArray<ClusterStatus>(row.clusters),
    refreshedAt: row.refreshed_at,
    stale: Boolean(row.stale),
    lastError:
      row.last_error_message && row.last_error_at
        ? { message: row.last_error_message, at: row.last_error_at }
        : null,
    history,
  };
}

// Level, then score: a bronze entity sorts below every silver one whatever
// its score. Scores are 0..100, so level rank × 1000 + score keeps both.
const LEVEL_KEY = `(CASE r.level ${LEVELS.map(
  (level, index) => `WHEN '${level}' THEN ${LEVELS.length - 1 - index}`,
).join(' ')} ELSE 0 END) * 1000 + r.score`;

/** The SQL expression a listing sorts on (constant text, no user input). */
function sortKey(orderBy: Cursor['orderBy']): string {
  if (orderBy === 'level') {
    return LEVEL_KEY;
  }
  return orderBy === 'score' ? 'r.score' : 'r.name';
}

/** The value of {@link sortKey} for one listed report, for the next cursor. */
function sortValue(
  orderBy: Cursor['orderBy'],
  row: EntityReportSummary,
): number | string {
  if (orderBy === 'level') {
    return (LEVELS.length - 1 - LEVELS.indexOf(row.level)) * 1000 + row.score;
  }
  return orderBy === 'score' ? row.score : row.name;
}

function toSummary(row: ReportRow): EntityReportSummary {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.system ? { system: row.system } : {}),
    ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
    score: Number(row.score),
    level: row.level as Level,
    failingChecks: parseJsonArray<string>(row.failing_checks),
    refreshedAt: row.refreshed_at ?? '',
    stale: Boolean(row.stale),
  };
}

/** One page of the latest reports, keyset-paginated; entities without a good report are left out. */
export async function queryReports(
  db: Knex,
  query: ReportsQuery,
  scope: ReportsScope,
): Promise<ReportsPage> {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const orderBy = cursor?.orderBy ?? query.orderBy ?? 'score';
  const order = cursor?.order ?? query.order ?? 'asc';
  const key = sortKey(orderBy);
  const op = order === 'asc' ? '>' : '<';

  const countRow: Array<{ count: number | string }> = await applyReportsFilter(
    db,
    db(`${REPORTS} as r`),
    query,
    scope,
  ).count({ count: '*' });
  const totalItems = Number(countRow[0].count);

  const rowsQuery = applyReportsFilter(
    db,
    db(`${REPORTS} as r`),
    query,
    scope,
  ).select(
    'r.entity_ref',
    'r.kind',
    'r.namespace',
    'r.name',
    'r.title',
    'r.owner',
    'r.system',
    'r.lifecycle',
    'r.score',
    'r.level',
    'r.failing_checks',
    'r.refreshed_at',
    'r.stale',
  );
  if (cursor) {
    // Keyset pagination on (key, entity_ref), both in the same direction.
    rowsQuery.whereRaw(
      `(${key} ${op} ? or (${key} = ? and r.entity_ref ${op} ?))`,
      [cursor.value, cursor.value, cursor.entityRef],
    );
  }
  const rows: ReportRow[] = await rowsQuery
    .orderByRaw(`${key} ${order}, r.entity_ref ${order}`)
    .limit(limit + 1);

  const items = rows.slice(0, limit).map(toSummary);
  const page: ReportsPage = { items, totalItems };
  if (rows.length > limit) {
    const last = items[items.length - 1];
    page.nextCursor = encodeCursor({
      orderBy,
      order,
      value: sortValue(orderBy, last),
      entityRef: last.entityRef,
    });
  }
  return page;
}
