import { Knex } from 'knex';
import type { ReportsFilter, ReportsScope } from './AvailabilityStore';
import { FAILING } from './tables';

function toLower(values: string[] | undefined): string[] | undefined {
  return values?.length
    ? values.map(v => v.toLocaleLowerCase('en-US'))
    : undefined;
}

/** Whether the filter narrows the reports beyond "has a report". */
export function hasFilter(filter: ReportsFilter): boolean {
  return Boolean(
    filter.entityRef?.length ||
      filter.owner?.length ||
      filter.system?.length ||
      filter.kind?.length ||
      filter.lifecycle?.length ||
      filter.level?.length ||
      filter.failingCheck?.length ||
      filter.text?.trim(),
  );
}

/**
 * What the filters take: the database, a query on the reports table (under
 * `alias`, default `r`), the filter, and which entities the caller may see.
 */
type FilterArgs = [
  db: Knex,
  qb: Knex.QueryBuilder,
  filter: ReportsFilter,
  scope: ReportsScope,
  alias?: string,
];

/** Narrows a query on the reports table (aliased) to the filter's reports with a score. */
export function applyReportsFilter(...args: FilterArgs): Knex.QueryBuilder {
  const [, qb, , , alias = 'r'] = args;
  qb.whereNotNull(`${alias}.score`);
  return applyEntityFilter(...args);
}

/**
 * Keeps the rows whose `column` is one of `refs`, bound as one parameter
 * (an array on PostgreSQL, JSON on SQLite) so that ten thousand refs stay
 * within every engine's limit on bound parameters.
 */
function whereRefIn(
  db: Knex,
  qb: Knex.QueryBuilder,
  column: string,
  refs: ReadonlySet<string>,
) {
  if (db.client.config.client === 'pg') {
    qb.whereRaw('?? = ANY(?::text[])', [column, [...refs]]);
  } else {
    qb.whereRaw('?? in (select value from json_each(?))', [
      column,
      JSON.stringify([...refs]),
    ]);
  }
}

/** The filters on the entity itself, which unscored reports answer too. */
export function applyEntityFilter(
  ...[db, qb, filter, scope, alias = 'r']: FilterArgs
): Knex.QueryBuilder {
  if (scope.visibleEntityRefs) {
    whereRefIn(db, qb, `${alias}.entity_ref`, scope.visibleEntityRefs);
  }
  const entityRef = toLower(filter.entityRef);
  if (entityRef) qb.whereIn(`${alias}.entity_ref`, entityRef);
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
      db(FAILING).whereIn('check_id', filter.failingCheck).select('entity_ref'),
    );
  }
  const text = filter.text?.trim().toLocaleLowerCase('en-US');
  if (text) {
    const escaped = text.replace(/[\\%_]/g, m => `\\${m}`);
    qb.whereRaw(`${alias}.search_text like ? escape '\\'`, [`%${escaped}%`]);
  }
  return qb;
}
