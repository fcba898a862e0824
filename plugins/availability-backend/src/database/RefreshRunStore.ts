import type {
  RefreshRun,
  RefreshRunCluster,
} from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';

const RUNS = 'availability_refresh_runs';
// Runs kept for `GET /refresh`; older ones go as new ones start.
const KEPT_RUNS = 50;

type RunRow = {
  id: number;
  status: RefreshRun['status'];
  started_at: string;
  finished_at: string | null;
  heartbeat_at: string;
  duration_ms: number | null;
  entities_total: number;
  entities_ok: number;
  entities_failed: number;
  entities_removed: number;
  clusters: string;
  errors: string;
};

/** What a running refresh reports as it goes, and when it ends. */
export interface RunProgress {
  entities: RefreshRun['entities'];
  clusters: RefreshRunCluster[];
  errors: string[];
}

function toRun(row: RunRow, now: Date, heartbeatTimeoutMs: number): RefreshRun {
  const silent =
    row.status === 'running' &&
    now.getTime() - Date.parse(row.heartbeat_at) > heartbeatTimeoutMs;
  return {
    status: silent ? 'interrupted' : row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    entities: {
      total: Number(row.entities_total),
      ok: Number(row.entities_ok),
      failed: Number(row.entities_failed),
      removed: Number(row.entities_removed),
    },
    clusters: JSON.parse(row.clusters),
    errors: JSON.parse(row.errors),
  };
}

function progressColumns(progress: RunProgress) {
  return {
    entities_total: progress.entities.total,
    entities_ok: progress.entities.ok,
    entities_failed: progress.entities.failed,
    entities_removed: progress.entities.removed,
    clusters: JSON.stringify(progress.clusters),
    errors: JSON.stringify(progress.errors),
  };
}

/**
 * Full refresh runs in the database, shared by every backend replica.
 */
export class RefreshRunStore {
  readonly #db: Knex;
  readonly #heartbeatTimeoutMs: number;

  constructor(options: { db: Knex; heartbeatTimeoutMs: number }) {
    this.#db = options.db;
    this.#heartbeatTimeoutMs = options.heartbeatTimeoutMs;
  }

  /** Records a new run; runs left `running` by a stopped backend become interrupted. */
  async start(at: Date): Promise<number> {
    const iso = at.toISOString();
    return this.#db.transaction(async tx => {
      await tx(RUNS)
        .where('status', 'running')
        .update({ status: 'interrupted', finished_at: iso });
      const [row] = await tx(RUNS)
        .insert({
          status: 'running',
          started_at: iso,
          heartbeat_at: iso,
          ...progressColumns({
            entities: { total: 0, ok: 0, failed: 0, removed: 0 },
            clusters: [],
            errors: [],
          }),
        })
        .returning('id');
      const id = Number(typeof row === 'object' ? row.id : row);
      const old = await tx(RUNS)
        .orderBy('id', 'desc')
        .offset(KEPT_RUNS)
        .first('id');
      if (old) await tx(RUNS).where('id', '<=', old.id).delete();
      return id;
    });
  }

  async heartbeat(id: number, at: Date, progress?: RunProgress) {
    await this.#db(RUNS)
      .where({ id, status: 'running' })
      .update({
        heartbeat_at: at.toISOString(),
        ...(progress && progressColumns(progress)),
      });
  }

  async finish(
    id: number,
    outcome: RunProgress & {
      status: 'succeeded' | 'failed' | 'interrupted';
      at: Date;
      durationMs: number;
    },
  ) {
    await this.#db(RUNS)
      .where({ id })
      .update({
        status: outcome.status,
        finished_at: outcome.at.toISOString(),
        heartbeat_at: outcome.at.toISOString(),
        duration_ms: outcome.durationMs,
        ...progressColumns(outcome),
      });
  }

  /** The latest run, as of `now`. */
  async latest(now: Date): Promise<RefreshRun | undefined> {
    const row: RunRow | undefined = await this.#db(RUNS)
      .orderBy('id', 'desc')
      .first();
    return row && toRun(row, now, this.#heartbeatTimeoutMs);
  }
}
