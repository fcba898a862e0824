// @ts-check

/**
 * Reports may have no score (revision 3 of the check contract): nothing was
 * judged, or no object matched the entity at all. The score column alone
 * cannot tell those from "not refreshed yet", so the number of report
 * entries is kept beside it: null until a refresh succeeds, 0 when no
 * workload, Service or autoscaler was found.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('availability_reports', table => {
    table
      .integer('entries')
      .nullable()
      .comment('Entries of the latest good report; null until one exists');
  });
  const rows = await knex('availability_reports')
    .whereNotNull('report')
    .select('entity_ref', 'report');
  for (const row of rows) {
    const report = JSON.parse(row.report);
    const entries = Array.isArray(report.workloads)
      ? report.workloads.length
      : 0;
    // Revision 2 scored a report without entries 100 (gold): it has no
    // score. Reports with entries are rescored by their next refresh.
    const update =
      entries === 0
        ? {
            entries,
            score: null,
            level: null,
            report: JSON.stringify({ ...report, score: null, level: null }),
          }
        : { entries };
    await knex('availability_reports')
      .where('entity_ref', row.entity_ref)
      .update(update);
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('availability_reports', table => {
    table.dropColumn('entries');
  });
};
