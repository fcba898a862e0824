import { EntityReportSummary } from '@availability-backstage/plugin-availability-common';

function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  // Spreadsheets run cells that start with these as formulas.
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders rows as RFC 4180 CSV with a header line. */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | boolean | undefined>>,
): string {
  return [header, ...rows]
    .map(row => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** The org page's CSV export: one line per entity. */
export function reportsToCsv(items: EntityReportSummary[]): string {
  return toCsv(
    [
      'entity',
      'kind',
      'namespace',
      'name',
      'owner',
      'system',
      'lifecycle',
      'score',
      'level',
      'failing_checks',
      'refreshed_at',
      'stale',
    ],
    items.map(item => [
      item.entityRef,
      item.kind,
      item.namespace,
      item.name,
      item.owner,
      item.system,
      item.lifecycle,
      item.score,
      item.level,
      item.failingChecks.join(' '),
      item.refreshedAt,
      item.stale,
    ]),
  );
}
