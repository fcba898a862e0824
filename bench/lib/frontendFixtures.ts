/**
 * Seeded inputs of the frontend suite: a catalog file with Components,
 * their owning Groups and their Systems, and the availability plugin's
 * SQLite file filled with one report (and a short history) per Component
 * through the plugin's own DatabaseAvailabilityStore.
 */
import fs from 'node:fs';
import path from 'node:path';
import knexFactory from 'knex';
import { stringify } from 'yaml';
import { DatabaseAvailabilityStore } from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { createRandom } from './corpus';
import { seededService, ServiceEntity } from './backendFixtures';

const DAY = 86_400_000;

/**
 * Writes the Components plus one Group per owner and one System per system
 * they name, as a multi-document YAML file for a catalog `file` location.
 */
export function writeOrgCatalogFile(file: string, entities: ServiceEntity[]) {
  const owners = [...new Set(entities.map(e => e.owner))].sort();
  const systems = [...new Set(entities.map(e => e.system))].sort();
  const groups = owners.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  }));
  const systemEntities = systems.map((name, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name },
    spec: { owner: owners[i % owners.length] },
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [...groups, ...systemEntities, ...entities.map(e => e.entity)]
      .map(doc => stringify(doc))
      .join('---\n'),
    'utf8',
  );
  return { groups: groups.length, systems: systemEntities.length };
}

/**
 * Fills the SQLite file the backend will open for the availability plugin
 * (`<directory>/availability.sqlite` in directory mode) through the plugin's
 * own store, migrations included. Each entity gets its services evaluated by
 * the rules engine in 1-3 clusters at a seeded quality, with history points
 * 28, 14, 7 and 1 days ago (older ones from poorer variants, so the trend
 * moves); about 3% end with a failed last refresh, i.e. stale.
 */
export async function seedAvailabilityDatabase(options: {
  file: string;
  entities: ServiceEntity[];
  clusters: string[];
  now: Date;
  onProgress?: (done: number) => void;
}): Promise<{ stale: number }> {
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: options.file },
    useNullAsDefault: true,
    pool: {
      // Seeding speed only; neither setting is stored in the file.
      afterCreate: (conn: any, done: (err: Error | null) => void) => {
        conn.pragma('synchronous = OFF');
        conn.pragma('journal_mode = MEMORY');
        done(null);
      },
    },
  });
  const database: DatabaseService = {
    getClient: async () => knex,
  };
  try {
    const store = await DatabaseAvailabilityStore.create({ database });
    const random = createRandom(47);
    const today = Math.floor(options.now.getTime() / DAY) * DAY;
    let stale = 0;
    for (const [index, e] of options.entities.entries()) {
      const {
        quality,
        report,
        entity,
        statuses: ok,
        clusters,
      } = seededService(random, e, options.clusters, new Date(today));
      for (const [daysAgo, drop] of [
        [28, 0.3],
        [14, 0.15],
        [7, 0.05],
        [1, 0],
      ]) {
        await store.saveReport({
          entity,
          report: report(Math.max(0.1, quality - drop)),
          clusters: ok,
          refreshedAt: new Date(today - daysAgo * DAY + 3_600_000),
        });
      }
      if (random.chance(0.03)) {
        stale += 1;
        await store.saveFailure({
          entity,
          clusters: clusters.map(cluster => ({
            cluster,
            status: 'error' as const,
            message: 'connect ECONNREFUSED',
          })),
          message: 'No cluster answered',
          failedAt: new Date(today - 2 * 3_600_000),
        });
      }
      if ((index + 1) % 1000 === 0) options.onProgress?.(index + 1);
    }
    return { stale };
  } finally {
    await knex.destroy();
  }
}
