import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

// Registers Jest hooks, so only tests import this (the benchmarks share
// testBackend.ts).
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * Every plugin's database: its own in-memory SQLite, closed after the test
 * file. The default database service leaves SQLite connections open when a
 * backend stops, and their pool's reaping timer then keeps the Jest worker
 * from exiting.
 */
export const testDatabases = createServiceFactory({
  service: coreServices.database,
  deps: {},
  async factory() {
    const knex = await databases.init('SQLITE_3');
    return { getClient: async () => knex };
  },
});
