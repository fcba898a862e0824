// @ts-check

/**
 * Latest report per entity, the failing checks of that report (one row per
 * check, so that filtering and counting by check is plain SQL on every
 * engine) and a compact per-refresh history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('availability_reports', table => {
    table.comment('The latest availability report of each catalog entity');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lower-cased entity ref, e.g. component:default/api');
    table.string('kind', 255).notNullable().comment('Lower-cased entity kind');
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner', 255).nullable().comment('Owner entity ref');
    table.string('system', 255).nullable().comment('System entity ref');
    table.string('lifecycle', 255).nullable();
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-cased ref and title, for the text filter');
    table.integer('score').nullable().comment('Null until a refresh succeeds');
    table.string('level', 16).nullable();
    table.text('failing_checks').notNullable().defaultTo('[]');
    table.text('report').nullable().comment('AvailabilityReport JSON');
    table.text('clusters').notNullable().defaultTo('[]');
    table
      .string('refreshed_at', 32)
      .nullable()
      .comment('ISO time of the last good report');
    table.boolean('stale').notNullable().defaultTo(false);
    table.text('last_error_message').nullable();
    table.string('last_error_at', 32).nullable();

    table.index(['score', 'entity_ref'], 'availability_reports_score_idx');
    table.index(['name', 'entity_ref'], 'availability_reports_name_idx');
    table.index(['owner'], 'availability_reports_owner_idx');
    table.index(['system'], 'availability_reports_system_idx');
    table.index(['level'], 'availability_reports_level_idx');
  });

  await knex.schema.createTable('availability_failing_checks', table => {
    table.comment('The failing check ids of each latest report');
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('availability_reports')
      .onDelete('CASCADE');
    table.string('check_id', 255).notNullable();
    table.primary(['check_id', 'entity_ref']);
    table.index(['entity_ref'], 'availability_failing_checks_entity_idx');
  });

  await knex.schema.createTable('availability_history', table => {
    table.comment('One point per successful refresh of an entity');
    table.bigIncrements('id').primary();
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('availability_reports')
      .onDelete('CASCADE');
    table.string('refreshed_at', 32).notNullable();
    table.string('day', 10).notNullable().comment('UTC date, YYYY-MM-DD');
    table.integer('score').notNullable();
    table.string('level', 16).notNullable();
    table.text('failing_checks').notNullable();
    table.index(['entity_ref', 'id'], 'availability_history_entity_idx');
    table.index(['day'], 'availability_history_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('availability_history');
  await knex.schema.dropTable('availability_failing_checks');
  await knex.schema.dropTable('availability_reports');
};
