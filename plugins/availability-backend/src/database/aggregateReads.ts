import type { AvailabilityReport } from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import type {
  ReportsFilter,
  ReportsScope,
  StoredReport,
  StoredReportClusters,
} from './AvailabilityStore';
import { exemptionReportOf, liveEvidenceReportOf } from './reportColumns';
import { applyReportsFilter } from './reportFilter';
import { parseJsonArray, REPORTS, ReportRow } from './tables';

type EntityRow = Pick<
  ReportRow,
  'entity_ref' | 'title' | 'owner' | 'refreshed_at'
>;

/** The latest reports the filter and scope leave, in entity order. */
function latestRows(db: Knex, filter: ReportsFilter, scope: ReportsScope) {
  return applyReportsFilter(db, db(`${REPORTS} as r`), filter, scope)
    .whereNotNull('r.report')
    .orderBy('r.entity_ref');
}

function toStoredReport(
  row: EntityRow,
  report: AvailabilityReport,
): StoredReport {
  return {
    entityRef: row.entity_ref,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    report,
    refreshedAt: row.refreshed_at!,
  };
}

const ENTITY_COLUMNS = ['r.entity_ref', 'r.title', 'r.owner', 'r.refreshed_at'];

/** Every latest report that matches the filter, parsed whole. */
export async function queryLatestReports(
  db: Knex,
  filter: ReportsFilter,
  scope: ReportsScope,
): Promise<StoredReport[]> {
  const rows: Array<EntityRow & Pick<ReportRow, 'report'>> = await latestRows(
    db,
    filter,
    scope,
  ).select(...ENTITY_COLUMNS, 'r.report');
  return rows.map(row =>
    toStoredReport(row, JSON.parse(row.report!) as AvailabilityReport),
  );
}

/** The clusters of every visible latest report's workloads, without the report. */
export async function queryReportClusters(
  db: Knex,
  scope: ReportsScope,
): Promise<StoredReportClusters[]> {
  const rows: Array<
    Pick<ReportRow, 'entity_ref' | 'workload_clusters' | 'refreshed_at'>
  > = await latestRows(db, {}, scope).select(
    'r.entity_ref',
    'r.workload_clusters',
    'r.refreshed_at',
  );
  return rows.map(row => ({
    entityRef: row.entity_ref,
    clusters: parseJsonArray<string>(row.workload_clusters),
    refreshedAt: row.refreshed_at!,
  }));
}

/** `value` matched literally by `like ? escape '\'`. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, c => `\\${c}`);
}

/**
 * The visible latest reports with workloads on the cluster, each as the
 * failure-domain analyses read it (see `liveEvidenceReportOf`). A row
 * written by a replica older than that column is parsed whole.
 */
export async function queryClusterReports(
  db: Knex,
  cluster: string,
  scope: ReportsScope,
): Promise<StoredReport[]> {
  // The JSON text narrows the rows in SQL; the parsed array decides.
  const rows: Array<
    EntityRow & Pick<ReportRow, 'live_evidence' | 'workload_clusters'>
  > = await latestRows(db, {}, scope)
    .whereRaw(`r.workload_clusters like ? escape '\\'`, [
      `%${likeLiteral(JSON.stringify(cluster))}%`,
    ])
    .select(...ENTITY_COLUMNS, 'r.live_evidence', 'r.workload_clusters');
  const onCluster = rows.filter(row =>
    parseJsonArray<string>(row.workload_clusters).includes(cluster),
  );
  const older = onCluster.filter(row => row.live_evidence === null);
  const whole = new Map<string, string>();
  if (older.length > 0) {
    const reports: Array<Pick<ReportRow, 'entity_ref' | 'report'>> = await db(
      REPORTS,
    )
      .whereIn(
        'entity_ref',
        older.map(row => row.entity_ref),
      )
      .select('entity_ref', 'report');
    for (const row of reports) whole.set(row.entity_ref, row.report!);
  }
  return onCluster.flatMap(row => {
    if (row.live_evidence !== null) {
      return [toStoredReport(row, liveEvidenceReportOf(row.live_evidence))];
    }
    const report = whole.get(row.entity_ref);
    return report
      ? [toStoredReport(row, JSON.parse(report) as AvailabilityReport)]
      : [];
  });
}

/**
 * The latest reports that match the filter and have an exempt check, each
 * as the exemption ledger reads it (see `exemptionReportOf`).
 */
export async function queryExemptReports(
  db: Knex,
  filter: ReportsFilter,
  scope: ReportsScope,
): Promise<StoredReport[]> {
  const rows: Array<EntityRow & Pick<ReportRow, 'exemption_report'>> =
    await latestRows(db, filter, scope)
      .whereNotNull('r.exemption_report')
      .select(...ENTITY_COLUMNS, 'r.exemption_report');
  return rows.map(row =>
    toStoredReport(row, exemptionReportOf(row.exemption_report!)),
  );
}
