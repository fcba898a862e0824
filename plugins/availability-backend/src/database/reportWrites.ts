import { levelLiftingChecks } from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import type {
  SaveFailureOptions,
  SaveReportOptions,
  StoredEntityInfo,
} from './AvailabilityStore';
import {
  exemptionColumn,
  liveEvidenceColumn,
  workloadClusters,
} from './reportColumns';
import {
  DAILY,
  FAILING,
  HISTORY,
  HistoryRow,
  REPORTS,
  OBJECTS,
} from './tables';

/** The denormalised entity columns of a report row, lower-cased for filters. */
export function entityColumns(entity: StoredEntityInfo) {
  const lower = (v: string | undefined) =>
    v ? v.toLocaleLowerCase('en-US') : null;
  const entityRef = entity.entityRef.toLocaleLowerCase('en-US');
  return {
    entity_ref: entityRef,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title ?? null,
    owner: lower(entity.owner),
    system: lower(entity.system),
    lifecycle: lower(entity.lifecycle),
    search_text: [entityRef, entity.title ?? '']
      .join(' ')
      .toLocaleLowerCase('en-US'),
  };
}

type Point = {
  entityRef: string;
  at: string;
  day: string;
  score: number;
  level: string;
  failingJson: string;
};

/**
 * The failing check ids of the report, the rows `failingCheck` filters on,
 * each marked when fixing it alone lifts the entity a level.
 */
async function replaceFailingChecks(
  tx: Knex.Transaction,
  entityRef: string,
  failing: string[],
  lifting: string[],
) {
  await tx(FAILING).where('entity_ref', entityRef).delete();
  if (failing.length) {
    await tx(FAILING).insert(
      failing.map(id => ({
        entity_ref: entityRef,
        check_id: id,
        lifts_level: lifting.includes(id),
      })),
    );
  }
}

/**
 * Compact history: an unchanged result on the same day moves the last point
 * forward instead of adding one; a new point is the latest of its day (even
 * when refreshes arrive out of order) and the oldest beyond the limit go.
 */
async function appendHistory(
  tx: Knex.Transaction,
  point: Point,
  historyLimit: number,
) {
  const last: HistoryRow | undefined = await tx(HISTORY)
    .where('entity_ref', point.entityRef)
    .orderBy('id', 'desc')
    .first();
  if (
    last &&
    last.day === point.day &&
    Number(last.score) === point.score &&
    last.level === point.level &&
    last.failing_checks === point.failingJson
  ) {
    // The day's latest point keeps its score and level.
    await tx(HISTORY).where('id', last.id).update({ refreshed_at: point.at });
    return;
  }
  await tx(DAILY)
    .insert({
      entity_ref: point.entityRef,
      day: point.day,
      score: point.score,
      level: point.level,
    })
    .onConflict(['entity_ref', 'day'])
    .merge();
  await tx(HISTORY).insert({
    entity_ref: point.entityRef,
    refreshed_at: point.at,
    day: point.day,
    score: point.score,
    level: point.level,
    failing_checks: point.failingJson,
  });
  const cutoff: Pick<HistoryRow, 'id'> | undefined = await tx(HISTORY)
    .where('entity_ref', point.entityRef)
    .orderBy('id', 'desc')
    .offset(historyLimit)
    .first('id');
  if (cutoff) {
    await tx(HISTORY)
      .where('entity_ref', point.entityRef)
      .andWhere('id', '<=', cutoff.id)
      .delete();
    // Only the oldest points go, so a day that keeps any point keeps its
    // latest one; days left without points leave the trend.
    await tx(DAILY)
      .where('entity_ref', point.entityRef)
      .whereNotIn(
        'day',
        tx(HISTORY).where('entity_ref', point.entityRef).select('day'),
      )
      .delete();
  }
}

/** Replaces the entity's latest report and appends a history point, in one transaction. */
export async function writeReport(
  db: Knex,
  options: SaveReportOptions,
  historyLimit: number,
): Promise<void> {
  const { entity, report, clusters, refreshedAt, objects } = options;
  const columns = entityColumns(entity);
  const failing = [
    ...new Set(
      report.workloads.flatMap(w =>
        w.checks.filter(c => c.status === 'fail').map(c => c.id),
      ),
    ),
  ].sort();
  const at = refreshedAt.toISOString();
  const failingJson = JSON.stringify(failing);

  await db.transaction(async tx => {
    await tx(REPORTS)
      .insert({
        ...columns,
        score: report.score,
        level: report.level,
        entries: report.workloads.length,
        failing_checks: failingJson,
        report: JSON.stringify(report),
        clusters: JSON.stringify(clusters),
        workload_clusters: JSON.stringify(workloadClusters(report)),
        exemption_report: exemptionColumn(report),
        live_evidence: liveEvidenceColumn(report),
        refreshed_at: at,
        stale: false,
        last_error_message: null,
        last_error_at: null,
      })
      .onConflict('entity_ref')
      .merge();
    await replaceFailingChecks(
      tx,
      columns.entity_ref,
      failing,
      levelLiftingChecks(report.workloads.flatMap(w => w.checks)),
    );
    if (objects) {
      await tx(OBJECTS)
        .insert({
          entity_ref: columns.entity_ref,
          objects: JSON.stringify(objects),
        })
        .onConflict('entity_ref')
        .merge();
    }
    if (report.score === null || report.level === null) {
      // History and trend are of scores; a report without one adds none.
      return;
    }
    await appendHistory(
      tx,
      {
        entityRef: columns.entity_ref,
        at,
        day: at.slice(0, 10),
        score: report.score,
        level: report.level,
        failingJson,
      },
      historyLimit,
    );
  });
}

/** Records a failed refresh; keeps (and marks stale) the last good report. */
export async function writeFailure(
  db: Knex,
  options: SaveFailureOptions,
): Promise<void> {
  const columns = entityColumns(options.entity);
  const at = options.failedAt.toISOString();
  await db.transaction(async tx => {
    const existing: { entity_ref: string; report: string | null } | undefined =
      await tx(REPORTS)
        .where('entity_ref', columns.entity_ref)
        .first('entity_ref', 'report');
    const failure = {
      clusters: JSON.stringify(options.clusters),
      last_error_message: options.message,
      last_error_at: at,
      // Only a report that exists can be stale.
      stale: Boolean(existing?.report),
    };
    if (existing) {
      await tx(REPORTS)
        .where('entity_ref', columns.entity_ref)
        .update({ ...columns, ...failure });
    } else {
      await tx(REPORTS).insert({ ...columns, ...failure });
    }
  });
}
