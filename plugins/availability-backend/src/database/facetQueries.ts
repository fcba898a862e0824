import type {
  AvailabilityFacets,
  FacetCount,
} from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import type { ReportsFilter, ReportsScope } from './AvailabilityStore';
import { applyReportsFilter } from './reportFilter';
import { FAILING, REPORTS } from './tables';

type FacetColumn = 'owner' | 'system' | 'kind' | 'lifecycle';

function toCounts(
  rows: Array<Record<string, string | number | null>>,
  key: string,
): FacetCount[] {
  return rows
    .filter(row => row[key])
    .map(row => ({ value: String(row[key]), count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * The values of each filter field among the filtered reports, with counts.
 * Each field's counts ignore that field's own filter: picking one owner still
 * shows how many reports the other owners hold.
 */
export async function queryFacets(
  db: Knex,
  filter: ReportsFilter,
  scope: ReportsScope,
): Promise<AvailabilityFacets> {
  const column = (key: FacetColumn) =>
    applyReportsFilter(
      db,
      db(`${REPORTS} as r`),
      {
        ...filter,
        [key]: undefined,
      },
      scope,
    )
      .select(`r.${key}`)
      .count({ count: '*' })
      .groupBy(`r.${key}`);
  const [owner, system, kind, lifecycle, failingCheck] = await Promise.all([
    column('owner'),
    column('system'),
    column('kind'),
    column('lifecycle'),
    db(`${FAILING} as f`)
      .whereIn(
        'f.entity_ref',
        applyReportsFilter(
          db,
          db(`${REPORTS} as r`),
          {
            ...filter,
            failingCheck: undefined,
          },
          scope,
        ).select('r.entity_ref'),
      )
      .select('f.check_id')
      .count({ count: '*' })
      .groupBy('f.check_id'),
  ]);
  return {
    owner: toCounts(owner, 'owner'),
    system: toCounts(system, 'system'),
    kind: toCounts(kind, 'kind'),
    lifecycle: toCounts(lifecycle, 'lifecycle'),
    failingCheck: toCounts(failingCheck, 'check_id'),
  };
}
