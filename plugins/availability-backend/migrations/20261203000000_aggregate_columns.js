// @ts-check

/**
 * What the org-wide aggregates read, kept beside each latest report so that
 * they no longer parse every report: the clusters its workloads came from
 * (unlike `clusters`, the clusters asked, which a failed refresh
 * overwrites), and the report trimmed to what the exemption ledger reads
 * (null when no check is exempt). Both are filled from the stored reports.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('availability_reports', table => {
    table
      .text('workload_clusters')
      .nullable()
      .comment("JSON array of the clusters the report's workloads came from");
    table
      .text('exemption_report')
      .nullable()
      .comment('JSON of the report as the exemption ledger reads it');
  });
  const rows = await knex('availability_reports')
    .whereNotNull('report')
    .select('entity_ref', 'report');
  for (const row of rows) {
    const report = JSON.parse(row.report);
    const workloads = Array.isArray(report.workloads) ? report.workloads : [];
    await knex('availability_reports')
      .where('entity_ref', row.entity_ref)
      .update({
        workload_clusters: JSON.stringify(clustersOf(workloads)),
        exemption_report: exemptionsOf(report, workloads),
      });
  }
};

/** @param {any[]} workloads */
function clustersOf(workloads) {
  const clusters = new Set();
  for (const w of workloads) {
    if (w.cluster) clusters.add(w.cluster);
  }
  return [...clusters].sort();
}

/**
 * @param {any} report
 * @param {any[]} workloads
 */
function exemptionsOf(report, workloads) {
  /** @param {any} c */
  const kept = c => {
    const base = { id: c.id, status: c.status, severity: c.severity };
    if (c.status === 'pass' || c.status === 'fail') return [base];
    if (c.status !== 'exempt') return [];
    const exempt = { ...base, reason: c.reason };
    if (c.until !== undefined) Object.assign(exempt, { until: c.until });
    if (c.exemptedBy) Object.assign(exempt, { exemptedBy: c.exemptedBy });
    return [exempt];
  };
  const trimmed = workloads.map(w => {
    const entry = { kind: w.kind, namespace: w.namespace, name: w.name };
    if (w.cluster !== undefined) Object.assign(entry, { cluster: w.cluster });
    return { ...entry, checks: (w.checks ?? []).flatMap(kept) };
  });
  /** @param {{ status: string }} c */
  const isExempt = c => c.status === 'exempt';
  if (!trimmed.some(w => w.checks.some(isExempt))) {
    return null;
  }
  return JSON.stringify({
    score: report.score,
    level: report.level,
    workloads: trimmed,
  });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('availability_reports', table => {
    table.dropColumn('workload_clusters');
    table.dropColumn('exemption_report');
  });
};
