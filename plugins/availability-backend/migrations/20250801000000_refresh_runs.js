// @ts-check

/**
 * Full refreshes, one row each, so that every backend replica answers
 * `GET /refresh` alike and `POST /refresh` can tell that one is running
 * elsewhere. A running row whose heartbeat stops (its backend died) reads as
 * interrupted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('availability_refresh_runs', table => {
    table.comment('Full refreshes of every entity: progress and outcome');
    table.increments('id');
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded, failed or interrupted');
    table.string('started_at', 32).notNullable().comment('ISO timestamp');
    table.string('finished_at', 32).nullable();
    table
      .string('heartbeat_at', 32)
      .notNullable()
      .comment('Last sign of life of the backend running it');
    table.integer('duration_ms').nullable();
    table.integer('entities_total').notNullable().defaultTo(0);
    table.integer('entities_ok').notNullable().defaultTo(0);
    table.integer('entities_failed').notNullable().defaultTo(0);
    table.integer('entities_removed').notNullable().defaultTo(0);
    table
      .text('clusters')
      .notNullable()
      .comment('JSON: per cluster status, message and request count');
    table.text('errors').notNullable().comment('JSON array of messages');
    table.index(['started_at'], 'availability_refresh_runs_started_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('availability_refresh_runs');
};
