// @ts-check

/**
 * What the failure-domain analyses read, kept beside each latest report so
 * that a cluster's blast radius and drain readiness no longer parse every
 * report on it: each entry that came from a cluster, with its name and
 * runtime evidence, without its checks. Filled from the stored reports.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('availability_reports', table => {
    table
      .text('live_evidence')
      .nullable()
      .comment('JSON of the report as the failure-domain analyses read it');
  });
  const rows = await knex('availability_reports')
    .whereNotNull('report')
    .select('entity_ref', 'report');
  for (const row of rows) {
    const report = JSON.parse(row.report);
    const workloads = Array.isArray(report.workloads) ? report.workloads : [];
    await knex('availability_reports')
      .where('entity_ref', row.entity_ref)
      .update({ live_evidence: liveEvidenceOf(workloads) });
  }
};

/** @param {any[]} workloads */
function liveEvidenceOf(workloads) {
  const live = workloads.flatMap(w => {
    if (w.cluster === undefined) return [];
    const entry = {
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      cluster: w.cluster,
    };
    return [w.evidence ? { ...entry, evidence: w.evidence } : entry];
  });
  return JSON.stringify({ workloads: live });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('availability_reports', table => {
    table.dropColumn('live_evidence');
  });
};
