import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAvailabilityStore } from './DatabaseAvailabilityStore';
import { RefreshRunStore } from './RefreshRunStore';

/** The plugin's stores on its database, migrated. */
export async function openDatabase(options: {
  database: DatabaseService;
  historyLimit: number;
  /** How long a running refresh may stay silent before it reads as interrupted. */
  heartbeatTimeoutMs: number;
}): Promise<{ store: DatabaseAvailabilityStore; runs: RefreshRunStore }> {
  const store = await DatabaseAvailabilityStore.create(options);
  const runs = new RefreshRunStore({
    db: await options.database.getClient(),
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
  });
  return { store, runs };
}
