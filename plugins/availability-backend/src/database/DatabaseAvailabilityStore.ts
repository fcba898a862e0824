import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  AvailabilitySummary,
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
import {
  AvailabilityStore,
  ReportsFilter,
  ReportsScope,
  SaveFailureOptions,
  SaveReportOptions,
  StoredEntityInfo,
} from './AvailabilityStore';

const migrationsDir = resolvePackagePath(
  '@availability-backstage/plugin-availability-backend',
  'migrations',
);

const REPORTS = 'availability_reports';
const FAILING = 'availability_failing_checks';
const HISTORY = 'availability_history';
const DAILY = 'availability_daily_scores';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
// Keeps bound parameter counts well below every engine's limit.
const CHUNK = 200;

type ReportRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
  score: number | null;
  level: string | null;
  failing_checks: string;
  report: string | null;
  clusters: string;
  refreshed_at: string | null;
  stale: boolean | number;
  last_error_message: string | null;
  last_error_at: string | null;
};

type Cursor = {
  orderBy: 'score' | 'name';
  order: 'asc' | 'desc';
  value: number | string;
  entityRef: string;
};

function emptyByLevel(): Record<Level, number> {
  return { gold: 0, silver: 0, bronze: 0, none: 0 };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  let parsed: any;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('Invalid cursor');
  }
  const valid =
    parsed &&
    (parsed.orderBy === 'score' || parsed.orderBy === 'name') &&
    (parsed.order === 'asc' || parsed.order === 'desc') &&
    typeof parsed.entityRef === 'string' &&
    (parsed.orderBy === 'score'
      ? typeof parsed.value === 'number'
      : typeof parsed.value === 'string');
  if (!valid) {
    throw new InputError('Invalid cursor');
  }
  return parsed as Cursor;
}

function toLower(values: string[] | undefined): string[] | undefined {
  return values?.length
    ? values.map(v => v.toLocaleLowerCase('en-US'))
    : undefined;
}

function entityColumns(entity: StoredEntityInfo) {
  const lower = (v: string | undefined) =>
    v ? v.toLocaleLowerCase('en-US') : null;
  const entityRef = entity.entityRef.toLocaleLowerCase('en-US');
  return {
    entity_ref: entityRef,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title ?? null,
    owner: lower(entity.owner),
    system: lower(entity.system),
    lifecycle: lower(entity.lifecycle),
    search_text: [entityRef, entity.title ?? '']
      .join(' ')
      .toLocaleLowerCase('en-US'),
  };
}

/** Whether the filter narrows the reports beyond "has a report". */
function hasFilter(filter: ReportsFilter): boolean {
  return Boolean(
    filter.owner?.length ||
      filter.system?.length ||
      filter.kind?.length ||
      filter.lifecycle?.length ||
      filter.level?.length ||
      filter.failingCheck?.length ||
      filter.text?.trim(),
  );
}

function parseJsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  const value = JSON.parse(text);
  return Array.isArray(value) ? value : [];
}

/**
 * The knex implementation of {@link AvailabilityStore}, for SQLite and
 * PostgreSQL.
 *
 * @public
 */
export class DatabaseAvailabilityStore implements AvailabilityStore {
  readonly #db: Knex;
  readonly #historyLimit: number;

  static async create(options: {
    database: DatabaseService;
    /** Most history points kept per entity; default 365. */
    historyLimit?: number;
  }): Promise<DatabaseAvailabilityStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAvailabilityStore({
      db,
      historyLimit: options.historyLimit,
    });
  }

  private constructor(options: { db: Knex; historyLimit?: number }) {
    this.#db = options.db;
    this.#historyLimit = options.historyLimit ?? 365;
  }

  async saveReport(options: SaveReportOptions): Promise<void> {
    const { entity, report, clusters, refreshedAt } = options;
    const columns = entityColumns(entity);
    const failing = [
      ...new Set(
        report.workloads.flatMap(w =>
          w.checks.filter(c => c.status === 'fail').map(c => c.id),
        ),
      ),
    ].sort();
    const at = refreshedAt.toISOString();
    const day = at.slice(0, 10);
    const failingJson = JSON.stringify(failing);

    await this.#db.transaction(async tx => {
      await tx(REPORTS)
        .insert({
          ...columns,
          score: report.score,
          level: report.level,
          entries: report.workloads.length,
          failing_checks: failingJson,
          report: JSON.stringify(report),
          clusters: JSON.stringify(clusters),
          refreshed_at: at,
          stale: false,
          last_error_message: null,
          last_error_at: null,
        })
        .onConflict('entity_ref')
        .merge();

      await tx(FAILING).where('entity_ref', columns.entity_ref).delete();
      if (failing.length) {
        await tx(FAILING).insert(
          failing.map(id => ({ entity_ref: columns.entity_ref, check_id: id })),
        );
      }

      if (report.score === null) {
        // History and trend are of scores; a report without one adds none.
        return;
      }
      // Compact history: an unchanged result on the same day moves the last
      // point forward instead of adding one.
      const last = await tx(HISTORY)
        .where('entity_ref', columns.entity_ref)
        .orderBy('id', 'desc')
        .first();
      if (
        last &&
        last.day === day &&
        Number(last.score) === report.score &&
        last.level === report.level &&
        last.failing_checks === failingJson
      ) {
        // The day's latest point keeps its score and level.
        await tx(HISTORY).where('id', last.id).update({ refreshed_at: at });
      } else {
        // The point just added is the latest of its day, even when refreshes
        // arrive out of order.
        await tx(DAILY)
          .insert({
            entity_ref: columns.entity_ref,
            day,
            score: report.score,
            level: report.level,
          })
          .onConflict(['entity_ref', 'day'])
          .merge();
        await tx(HISTORY).insert({
          entity_ref: columns.entity_ref,
          refreshed_at: at,
          day,
          score: report.score,
          level: report.level,
          failing_checks: failingJson,
        });
        const cutoff = await tx(HISTORY)
          .where('entity_ref', columns.entity_ref)
          .orderBy('id', 'desc')
          .offset(this.#historyLimit)
          .first('id');
        if (cutoff) {
          await tx(HISTORY)
            .where('entity_ref', columns.entity_ref)
            .andWhere('id', '<=', cutoff.id)
            .delete();
          // Only the oldest points go, so a day that keeps any point keeps
          // its latest one; days left without points leave the trend.
          await tx(DAILY)
            .where('entity_ref', columns.entity_ref)
            .whereNotIn(
              'day',
              tx(HISTORY).where('entity_ref', columns.entity_ref).select('day'),
            )
            .delete();
        }
      }
    });
  }

  async saveFailure(options: SaveFailureOptions): Promise<void> {
    const columns = entityColumns(options.entity);
    const at = options.failedAt.toISOString();
    await this.#db.transaction(async tx => {
      const existing = await tx(REPORTS)
        .where('entity_ref', columns.entity_ref)
        .first('entity_ref', 'report');
      const failure = {
        clusters: JSON.stringify(options.clusters),
        last_error_message: options.message,
        last_error_at: at,
        // Only a report that exists can be stale.
        stale: Boolean(existing?.report),
      };
      if (existing) {
        await tx(REPORTS)
          .where('entity_ref', columns.entity_ref)
          .update({ ...columns, ...failure });
      } else {
        await tx(REPORTS).insert({ ...columns, ...failure });
      }
    });
  }

  async getEntityReport(
    entityRef: string,
    options?: { historyLimit?: number },
  ): Promise<EntityReportResponse | undefined> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const row: ReportRow | undefined = await this.#db(REPORTS)
      .where('entity_ref', ref)
      .first();
    if (!row) {
      return undefined;
    }
    const historyRows = await this.#db(HISTORY)
      .where('entity_ref', ref)
      .orderBy('id', 'desc')
      .limit(options?.historyLimit ?? 90)
      .select('refreshed_at', 'score', 'level', 'failing_checks');
    const history: HistoryPoint[] = historyRows.reverse().map(h => ({
      refreshedAt: h.refreshed_at,
      score: Number(h.score),
      level: h.level as Level,
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

  #applyFilter(
    qb: Knex.QueryBuilder,
    filter: ReportsFilter,
    scope: ReportsScope,
    alias = 'r',
  ) {
    qb.whereNotNull(`${alias}.score`);
    return this.#applyEntityFilter(qb, filter, scope, alias);
  }

  /**
   * Keeps the rows whose `column` is one of `refs`, bound as one parameter
   * (an array on PostgreSQL, JSON on SQLite) so that ten thousand refs stay
   * within every engine's limit on bound parameters.
   */
  #whereRefIn(
    qb: Knex.QueryBuilder,
    column: string,
    refs: ReadonlySet<string>,
  ) {
    if (this.#db.client.config.client === 'pg') {
      qb.whereRaw('?? = ANY(?::text[])', [column, [...refs]]);
    } else {
      qb.whereRaw('?? in (select value from json_each(?))', [
        column,
        JSON.stringify([...refs]),
      ]);
    }
    return qb;
  }

  /** The filters on the entity itself, which unscored reports answer too. */
  #applyEntityFilter(
    qb: Knex.QueryBuilder,
    filter: ReportsFilter,
    scope: ReportsScope,
    alias = 'r',
  ) {
    if (scope.visibleEntityRefs) {
      this.#whereRefIn(qb, `${alias}.entity_ref`, scope.visibleEntityRefs);
    }
    const owner = toLower(filter.owner);
    if (owner) qb.whereIn(`${alias}.owner`, owner);
    const system = toLower(filter.system);
    if (system) qb.whereIn(`${alias}.system`, system);
    const kind = toLower(filter.kind);
    if (kind) qb.whereIn(`${alias}.kind`, kind);
    const lifecycle = toLower(filter.lifecycle);
    if (lifecycle) qb.whereIn(`${alias}.lifecycle`, lifecycle);
    if (filter.level?.length) qb.whereIn(`${alias}.level`, filter.level);
    if (filter.failingCheck?.length) {
      // Entities failing any of the given checks.
      qb.whereIn(
        `${alias}.entity_ref`,
        this.#db(FAILING)
          .whereIn('check_id', filter.failingCheck)
          .select('entity_ref'),
      );
    }
    const text = filter.text?.trim().toLocaleLowerCase('en-US');
    if (text) {
      const escaped = text.replace(/[\\%_]/g, m => `\\${m}`);
      qb.whereRaw(`${alias}.search_text like ? escape '\\'`, [`%${escaped}%`]);
    }
    return qb;
  }

  async listReports(
    query: ReportsQuery,
    scope: ReportsScope = {},
  ): Promise<ReportsPage> {
    const limit = Math.min(
      Math.max(query.limit ?? DEFAULT_LIMIT, 1),
      MAX_LIMIT,
    );
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    const orderBy = cursor?.orderBy ?? query.orderBy ?? 'score';
    const order = cursor?.order ?? query.order ?? 'asc';
    const column = orderBy === 'score' ? 'r.score' : 'r.name';
    const op = order === 'asc' ? '>' : '<';

    const countRow = await this.#applyFilter(
      this.#db(`${REPORTS} as r`),
      query,
      scope,
    ).count({ count: '*' });
    const totalItems = Number(countRow[0].count);

    const rowsQuery = this.#applyFilter(
      this.#db(`${REPORTS} as r`),
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
      // Keyset pagination on (column, entity_ref), both in the same direction.
      rowsQuery.where(inner =>
        inner
          .where(column, op, cursor.value)
          .orWhere(tie =>
            tie
              .where(column, cursor.value)
              .andWhere('r.entity_ref', op, cursor.entityRef),
          ),
      );
    }
    const rows: ReportRow[] = await rowsQuery
      .orderBy([
        { column, order },
        { column: 'r.entity_ref', order },
      ])
      .limit(limit + 1);

    const items: EntityReportSummary[] = rows.slice(0, limit).map(row => ({
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
    }));

    const page: ReportsPage = { items, totalItems };
    if (rows.length > limit) {
      const last = items[items.length - 1];
      page.nextCursor = encodeCursor({
        orderBy,
        order,
        value: orderBy === 'score' ? last.score : last.name,
        entityRef: last.entityRef,
      });
    }
    return page;
  }

  async getSummary(
    filter: ReportsFilter,
    options?: ReportsScope & { trendDays?: number; now?: Date },
  ): Promise<AvailabilitySummary> {
    const scope: ReportsScope = {
      visibleEntityRefs: options?.visibleEntityRefs,
    };
    const trendDays = options?.trendDays ?? 30;
    const now = options?.now ?? new Date();
    const since = new Date(now.getTime() - (trendDays - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);

    // Without a filter every stored report counts: the failing checks and
    // daily scores are grouped on their own (each row belongs to a report
    // with a score), through covering indexes. With one, they are narrowed
    // to the matching entities by a semi-join.
    const filtered = hasFilter(filter) || Boolean(scope.visibleEntityRefs);
    const matching = () =>
      this.#applyFilter(this.#db(`${REPORTS} as r`), filter, scope).select(
        'r.entity_ref',
      );

    const checksQuery = this.#db(`${FAILING} as f`)
      .select('f.check_id')
      .count({ count: '*' })
      .groupBy('f.check_id');
    const trendQuery = this.#db(`${DAILY} as d`)
      .where('d.day', '>=', since)
      .select('d.day', 'd.level')
      .count({ count: '*' })
      .sum({ total: 'd.score' })
      .groupBy('d.day', 'd.level');
    if (filtered) {
      checksQuery.whereIn('f.entity_ref', matching());
      trendQuery.whereIn('d.entity_ref', matching());
    }

    // Reports without a score have no level and fail no check.
    const unscoredQuery =
      filter.level?.length || filter.failingCheck?.length
        ? Promise.resolve([])
        : this.#applyEntityFilter(this.#db(`${REPORTS} as r`), filter, scope)
            .whereNull('r.score')
            .whereNotNull('r.entries')
            .select(this.#db.raw('(r.entries = 0) as empty'))
            .count({ count: '*' })
            .groupBy('empty');

    // The totals and levels are sums of the per-owner groups.
    const [ownerRows, checkRows, trendRows, unscoredRows] = await Promise.all([
      this.#applyFilter(this.#db(`${REPORTS} as r`), filter, scope)
        .select('r.owner', 'r.level')
        .count({ count: '*' })
        .sum({ total: 'r.score' })
        .groupBy('r.owner', 'r.level'),
      checksQuery,
      trendQuery,
      unscoredQuery,
    ]);
    const unscored = { noWorkloads: 0, notJudged: 0 };
    for (const row of unscoredRows as any[]) {
      // SQLite answers 1/0, PostgreSQL true/false.
      unscored[row.empty && row.empty !== '0' ? 'noWorkloads' : 'notJudged'] +=
        Number(row.count);
    }

    const byLevel = emptyByLevel();
    let totalEntities = 0;
    let totalScore = 0;
    for (const row of ownerRows as any[]) {
      const count = Number(row.count);
      if (LEVELS.includes(row.level)) byLevel[row.level as Level] += count;
      totalEntities += count;
      totalScore += Number(row.total);
    }

    const owners = new Map<
      string,
      { entities: number; total: number; byLevel: Record<Level, number> }
    >();
    for (const row of ownerRows as any[]) {
      const owner = row.owner ?? '';
      const entry = owners.get(owner) ?? {
        entities: 0,
        total: 0,
        byLevel: emptyByLevel(),
      };
      const count = Number(row.count);
      entry.entities += count;
      entry.total += Number(row.total);
      if (LEVELS.includes(row.level))
        entry.byLevel[row.level as Level] += count;
      owners.set(owner, entry);
    }

    const days = new Map<
      string,
      { entities: number; total: number; byLevel: Record<Level, number> }
    >();
    for (const row of trendRows as any[]) {
      const entry = days.get(row.day) ?? {
        entities: 0,
        total: 0,
        byLevel: emptyByLevel(),
      };
      const count = Number(row.count);
      entry.entities += count;
      entry.total += Number(row.total);
      if (LEVELS.includes(row.level))
        entry.byLevel[row.level as Level] += count;
      days.set(row.day, entry);
    }

    return {
      totalEntities,
      averageScore: totalEntities ? round1(totalScore / totalEntities) : 0,
      unscored,
      byLevel,
      byOwner: [...owners.entries()]
        .map(([owner, e]) => ({
          owner,
          entities: e.entities,
          averageScore: round1(e.total / e.entities),
          byLevel: e.byLevel,
        }))
        .sort(
          (a, b) =>
            a.averageScore - b.averageScore || a.owner.localeCompare(b.owner),
        ),
      byCheck: (checkRows as any[])
        .map(row => ({ id: String(row.check_id), failing: Number(row.count) }))
        .sort((a, b) => b.failing - a.failing || a.id.localeCompare(b.id)),
      trend: [...days.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, e]) => ({
          date,
          averageScore: round1(e.total / e.entities),
          byLevel: e.byLevel,
        })),
    };
  }

  async listEntityRefs(): Promise<string[]> {
    const rows = await this.#db(REPORTS).select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    const refs = entityRefs.map(r => r.toLocaleLowerCase('en-US'));
    await this.#db.transaction(async tx => {
      for (let i = 0; i < refs.length; i += CHUNK) {
        const chunk = refs.slice(i, i + CHUNK);
        // Children first: SQLite does not always enforce foreign keys.
        await tx(HISTORY).whereIn('entity_ref', chunk).delete();
        await tx(DAILY).whereIn('entity_ref', chunk).delete();
        await tx(FAILING).whereIn('entity_ref', chunk).delete();
        await tx(REPORTS).whereIn('entity_ref', chunk).delete();
      }
    });
  }
}
