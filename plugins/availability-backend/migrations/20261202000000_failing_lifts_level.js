// @ts-check

/**
 * Whether fixing a failing check alone would lift the entity's level, so
 * that the org page can say how many services fixing a check moves up.
 * Null for rows written before this column: their entity's next refresh
 * fills it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('availability_failing_checks', table => {
    table
      .boolean('lifts_level')
      .nullable()
      .comment('Fixing this check alone lifts the entity a level');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('availability_failing_checks', table => {
    table.dropColumn('lifts_level');
  });
};
