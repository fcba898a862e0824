import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  AvailabilityFacets,
  AvailabilitySummary,
  EvaluationObject,
  FailureDomainNode,
  EntityReportResponse,
  ReportsPage,
  ReportsQuery,
} from '@availability-backstage/plugin-availability-common';
import { Knex } from 'knex';
import {
  AvailabilityStore,
  ReportsFilter,
  ReportsScope,
  SaveFailureOptions,
  SaveReportOptions,
  StoredClusterNodes,
  StoredReport,
  StoredReportClusters,
} from './AvailabilityStore';
import {
  queryClusterReports,
  queryExemptReports,
  queryLatestReports,
  queryReportClusters,
} from './aggregateReads';
import { queryFacets } from './facetQueries';
import { queryReports, readEntityReport } from './reportReads';
import { writeFailure, writeReport } from './reportWrites';
import { querySummary } from './summaryQueries';
import {
  DAILY,
  FAILING,
  HISTORY,
  NODES,
  OBJECTS,
  parseJsonArray,
  REPORTS,
} from './tables';

const migrationsDir = resolvePackagePath(
  '@availability-backstage/plugin-availability-backend',
  'migrations',
);

// Keeps bound parameter counts well below every engine's limit.
const CHUNK = 200;

/**
 * The knex implementation of {@link AvailabilityStore}, for SQLite and
 * PostgreSQL. Exported for the benchmarks, which seed reports through it.
 *
 * @internal
 */
export class DatabaseAvailabilityStore implements AvailabilityStore {
  readonly #db: Knex;
  readonly #historyLimit: number;

  static async create(options: {
    database: DatabaseService;
    /** Most history points kept per entity; default 365. */
    historyLimit?: number;
  }): Promise<DatabaseAvailabilityStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAvailabilityStore({
      db,
      historyLimit: options.historyLimit,
    });
  }

  private constructor(options: { db: Knex; historyLimit?: number }) {
    this.#db = options.db;
    this.#historyLimit = options.historyLimit ?? 365;
  }

  saveReport(options: SaveReportOptions): Promise<void> {
    return writeReport(this.#db, options, this.#historyLimit);
  }

  saveFailure(options: SaveFailureOptions): Promise<void> {
    return writeFailure(this.#db, options);
  }

  getEntityReport(
    entityRef: string,
    options?: { historyLimit?: number },
  ): Promise<EntityReportResponse | undefined> {
    return readEntityReport(this.#db, entityRef, options?.historyLimit ?? 90);
  }

  listReports(
    query: ReportsQuery,
    scope: ReportsScope = {},
  ): Promise<ReportsPage> {
    return queryReports(this.#db, query, scope);
  }

  getSummary(
    filter: ReportsFilter,
    options?: ReportsScope & { trendDays?: number; now?: Date },
  ): Promise<AvailabilitySummary> {
    return querySummary(this.#db, filter, {
      visibleEntityRefs: options?.visibleEntityRefs,
      trendDays: options?.trendDays ?? 30,
      now: options?.now ?? new Date(),
    });
  }

  listLatestReports(
    filter: ReportsFilter,
    scope: ReportsScope = {},
  ): Promise<StoredReport[]> {
    return queryLatestReports(this.#db, filter, scope);
  }

  listReportClusters(
    scope: ReportsScope = {},
  ): Promise<StoredReportClusters[]> {
    return queryReportClusters(this.#db, scope);
  }

  listClusterReports(
    cluster: string,
    scope: ReportsScope = {},
  ): Promise<StoredReport[]> {
    return queryClusterReports(this.#db, cluster, scope);
  }

  listExemptReports(
    filter: ReportsFilter,
    scope: ReportsScope = {},
  ): Promise<StoredReport[]> {
    return queryExemptReports(this.#db, filter, scope);
  }

  async getEntityObjects(
    entityRef: string,
  ): Promise<EvaluationObject[] | undefined> {
    const row = await this.#db(OBJECTS)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first('objects');
    return row ? parseJsonArray<EvaluationObject>(row.objects) : undefined;
  }

  async saveClusterNodes(options: {
    cluster: string;
    nodes: FailureDomainNode[];
    refreshedAt: Date;
  }): Promise<void> {
    await this.#db(NODES)
      .insert({
        cluster: options.cluster,
        nodes: JSON.stringify(options.nodes),
        refreshed_at: options.refreshedAt.toISOString(),
      })
      .onConflict('cluster')
      .merge();
  }

  async listClusterNodes(): Promise<StoredClusterNodes[]> {
    const rows = await this.#db(NODES).orderBy('cluster').select();
    return rows.map(row => ({
      cluster: row.cluster,
      nodes: parseJsonArray<FailureDomainNode>(row.nodes),
      refreshedAt: row.refreshed_at,
    }));
  }

  getFacets(
    filter: ReportsFilter,
    scope: ReportsScope = {},
  ): Promise<AvailabilityFacets> {
    return queryFacets(this.#db, filter, scope);
  }

  async listEntityRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.#db(REPORTS).select(
      'entity_ref',
    );
    return rows.map(r => r.entity_ref);
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    const refs = entityRefs.map(r => r.toLocaleLowerCase('en-US'));
    await this.#db.transaction(async tx => {
      for (let i = 0; i < refs.length; i += CHUNK) {
        const chunk = refs.slice(i, i + CHUNK);
        // Children first: SQLite does not always enforce foreign keys.
        await tx(HISTORY).whereIn('entity_ref', chunk).delete();
        await tx(DAILY).whereIn('entity_ref', chunk).delete();
        await tx(FAILING).whereIn('entity_ref', chunk).delete();
        await tx(OBJECTS).whereIn('entity_ref', chunk).delete();
        await tx(REPORTS).whereIn('entity_ref', chunk).delete();
      }
    });
  }
}
