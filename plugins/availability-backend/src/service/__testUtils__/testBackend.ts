import {
  coreServices,
  createBackendModule,
  DatabaseService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';

/** A user's token, for requests to the test backend. */
export const userAuth = { Authorization: mockCredentials.user.header() };

/** A schedule that never fires by itself: tests trigger the refresh. */
export const MANUAL_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

/**
 * A module of the availability plugin that hands out the plugin's scheduler
 * and database, so that tests can trigger its task and reach its tables.
 */
export function availabilityProbe() {
  const services: { scheduler?: SchedulerService; database?: DatabaseService } =
    {};
  const feature = createBackendModule({
    pluginId: 'availability',
    moduleId: 'test-probe',
    register(env) {
      env.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          database: coreServices.database,
        },
        async init(deps) {
          services.scheduler = deps.scheduler;
          services.database = deps.database;
        },
      });
    },
  });
  return {
    feature,
    get scheduler() {
      return services.scheduler!;
    },
    get database() {
      return services.database!;
    },
  };
}

/**
 * Fails early when Jest lacks the flag the kubernetes backend needs: it
 * imports the ESM-only @kubernetes/client-node with import().
 */
export function requireVmModules() {
  if (!process.env.NODE_OPTIONS?.includes('--experimental-vm-modules')) {
    throw new Error(
      'Run this suite with NODE_OPTIONS=--experimental-vm-modules: the kubernetes backend loads @kubernetes/client-node with a dynamic import()',
    );
  }
}

/**
 * The kubernetes backend loads its client library on first use, which takes
 * seconds under Jest (longer than the tests' cluster timeouts); this does it
 * outside the timed requests.
 */
export async function warmUpKubernetesBackend(server: any) {
  await request(server)
    .post('/api/kubernetes/resources/workloads/query')
    .set(userAuth)
    .send({ entityRef: 'component:default/shop' })
    .expect(200);
}

/** Requests to the availability routes of a test backend, as a signed-in user. */
export function asUser(server: any) {
  return {
    get: (path: string) =>
      request(server).get(`/api/availability${path}`).set(userAuth),
    post: (path: string) =>
      request(server).post(`/api/availability${path}`).set(userAuth),
  };
}
