// @ts-check

/**
 * Makes `GET /summary` cheap on large installations:
 *
 * - `availability_daily_scores` keeps the latest history point of each entity
 *   per UTC day (score and level), written in the same transaction as the
 *   history, so the trend groups one small row per entity and day instead of
 *   finding the latest of every day's history rows at read time.
 * - Covering indexes on the reports and failing checks let the aggregates
 *   and the semi-joins of filtered summaries read only indexes, not the wide
 *   report rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('availability_daily_scores', table => {
    table.comment(
      'The latest history point of each entity per UTC day, for the summary trend',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('availability_reports')
      .onDelete('CASCADE');
    table.string('day', 10).notNullable().comment('UTC date, YYYY-MM-DD');
    table.integer('score').notNullable();
    table.string('level', 16).notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day', 'level', 'score'], 'availability_daily_scores_day_idx');
  });

  // Existing history: the point with the highest id of each entity and day.
  await knex.raw(
    `INSERT INTO availability_daily_scores (entity_ref, day, score, level)
     SELECT h.entity_ref, h.day, h.score, h.level
     FROM availability_history h
     JOIN (
       SELECT max(id) AS id FROM availability_history GROUP BY entity_ref, day
     ) l ON l.id = h.id`,
  );

  await knex.schema.alterTable('availability_reports', table => {
    // Replaced by the covering indexes below, which serve the same filters.
    table.dropIndex([], 'availability_reports_owner_idx');
    table.dropIndex([], 'availability_reports_level_idx');
    table.index(
      ['owner', 'level', 'score', 'entity_ref'],
      'availability_reports_owner_level_idx',
    );
    table.index(
      ['level', 'score', 'entity_ref'],
      'availability_reports_level_score_idx',
    );
  });

  // Covers the per-check counts narrowed to some entities.
  await knex.schema.alterTable('availability_failing_checks', table => {
    table.dropIndex([], 'availability_failing_checks_entity_idx');
    table.index(
      ['entity_ref', 'check_id'],
      'availability_failing_checks_entity_check_idx',
    );
  });

  // The trend no longer reads the history by day.
  await knex.schema.alterTable('availability_history', table => {
    table.dropIndex([], 'availability_history_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('availability_failing_checks', table => {
    table.dropIndex([], 'availability_failing_checks_entity_check_idx');
    table.index(['entity_ref'], 'availability_failing_checks_entity_idx');
  });
  await knex.schema.alterTable('availability_history', table => {
    table.index(['day'], 'availability_history_day_idx');
  });
  await knex.schema.alterTable('availability_reports', table => {
    table.dropIndex([], 'availability_reports_level_score_idx');
    table.dropIndex([], 'availability_reports_owner_level_idx');
    table.index(['owner'], 'availability_reports_owner_idx');
    table.index(['level'], 'availability_reports_level_idx');
  });
  await knex.schema.dropTable('availability_daily_scores');
};
