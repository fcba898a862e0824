import { Knex } from 'knex';
import type { ReportsFilter } from './AvailabilityStore';
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

/** Narrows a query on the reports table (aliased) to the filter's reports with a score. */
export function applyReportsFilter(
  db: Knex,
  qb: Knex.QueryBuilder,
  filter: ReportsFilter,
  alias = 'r',
): Knex.QueryBuilder {
  qb.whereNotNull(`${alias}.score`);
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
