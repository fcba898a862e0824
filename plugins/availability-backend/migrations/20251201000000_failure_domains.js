// @ts-check

/**
 * What failure-domain answers need beyond the reports:
 *
 * - `availability_cluster_nodes`: each cluster's Node list (name and zone)
 *   from the last refresh that could read it, so that the cluster view shows
 *   every node and zone, not only those that run a catalog entity's pods.
 * - `availability_entity_objects`: the objects each latest report was
 *   evaluated from, so that the level-up simulator can apply fixes to them
 *   and re-score with the same engine.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('availability_cluster_nodes', table => {
    table.comment('The Nodes of each cluster, from the last readable listing');
    table.string('cluster', 255).primary().notNullable();
    table.text('nodes').notNullable().comment('JSON array of { name, zone? }');
    table.string('refreshed_at', 32).notNullable();
  });
  await knex.schema.createTable('availability_entity_objects', table => {
    table.comment('The objects behind each latest availability report');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .references('entity_ref')
      .inTable('availability_reports')
      .onDelete('CASCADE');
    table
      .text('objects')
      .notNullable()
      .comment('JSON array of EvaluationObject');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('availability_entity_objects');
  await knex.schema.dropTable('availability_cluster_nodes');
};
