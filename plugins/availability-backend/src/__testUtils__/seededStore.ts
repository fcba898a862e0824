import { TestDatabases } from '@backstage/backend-test-utils';
import {
  AvailabilityReport,
  evaluate,
} from '@availability-backstage/plugin-availability-common';
import { DatabaseAvailabilityStore } from '../database/DatabaseAvailabilityStore';
import { deployment } from './fakeKubernetesBackend';
import { saveComponentReport, SEEDED_AT, SeededEntity } from './reports';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * A database holding the availability store's tables, with ways to save a
 * component's report as a refresh at `refreshedAt` would: a given one
 * (`saveReport`), or that of one Deployment of the given replicas (`save`).
 */
export async function seededStore() {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseAvailabilityStore.create({
    database: { getClient: async () => knex },
  });
  const saveReport = (entity: SeededEntity, report: AvailabilityReport) =>
    saveComponentReport(store, entity, report);
  const save = async (entity: SeededEntity, replicas: number) => {
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
      { now: SEEDED_AT },
    );
    await saveReport(entity, report);
    return report;
  };
  return { knex, store, save, saveReport, refreshedAt: SEEDED_AT };
}
