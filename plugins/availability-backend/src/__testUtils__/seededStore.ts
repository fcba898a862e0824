import { TestDatabases } from '@backstage/backend-test-utils';
import { evaluate } from '@availability-backstage/plugin-availability-common';
import { DatabaseAvailabilityStore } from '../database/DatabaseAvailabilityStore';
import { deployment } from './fakeKubernetesBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * A database holding the availability store's tables, with a way to save a
 * report of one Deployment per entity as a refresh would.
 */
export async function seededStore() {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseAvailabilityStore.create({
    database: { getClient: async () => knex },
  });
  const save = async (
    entity: { name: string; owner?: string; system?: string },
    replicas: number,
  ) => {
    const refreshedAt = new Date('2026-03-01T12:00:00Z');
    const report = evaluate(
      [
        {
          object: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            ...deployment(entity.name, replicas),
          },
          cluster: 'prod-eu',
        },
      ],
      { now: refreshedAt },
    );
    await store.saveReport({
      entity: {
        entityRef: `component:default/${entity.name}`,
        kind: 'Component',
        namespace: 'default',
        name: entity.name,
        owner: entity.owner,
        system: entity.system,
      },
      report,
      clusters: [{ cluster: 'prod-eu', status: 'ok' }],
      refreshedAt,
    });
    return report;
  };
  return { knex, store, save };
}
