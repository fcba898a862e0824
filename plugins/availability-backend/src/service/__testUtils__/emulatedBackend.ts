import path from 'node:path';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import type { JsonObject } from '@backstage/types';
import {
  KubeApiEmulator,
  kubernetesConfigFor,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';
import { availabilityPlugin } from '../../plugin';
import {
  availabilityProbe,
  MANUAL_SCHEDULE,
  requireVmModules,
  warmUpKubernetesBackend,
} from './testBackend';
import { testDatabases } from './testDatabases';

const CLUSTERS_DIR = path.resolve(__dirname, '../../__fixtures__/clusters');

/** What {@link startEmulatedBackend} starts. */
export interface EmulatedBackend {
  server: TestBackend['server'];
  emulator: KubeApiEmulator;
  probe: ReturnType<typeof availabilityProbe>;
}

/**
 * The availability plugin beside the real kubernetes backend, over the
 * emulated fixture clusters (src/__fixtures__/clusters) and the given
 * catalog, on the mock scheduler (whose `triggerTask` through the returned
 * `probe` runs the refresh and resolves when it is done) and a schedule that
 * never fires by itself. `availability` is laid over that schedule;
 * `features` are added. The caller closes the returned `emulator`.
 */
export async function startEmulatedBackend(options: {
  entities: Entity[];
  availability: JsonObject;
  features?: BackendFeature[];
}): Promise<EmulatedBackend> {
  requireVmModules();
  const emulator = await startKubeApiEmulator({ clustersDir: CLUSTERS_DIR });
  try {
    const probe = availabilityProbe();
    const { server } = await startTestBackend({
      features: [
        testDatabases,
        availabilityPlugin,
        kubernetesPlugin,
        catalogServiceMock.factory({ entities: options.entities }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        probe.feature,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: kubernetesConfigFor(emulator),
            availability: {
              schedule: MANUAL_SCHEDULE,
              ...options.availability,
            },
          },
        }),
        ...(options.features ?? []),
      ],
    });
    await warmUpKubernetesBackend(server);
    return { server, emulator, probe };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** One workload of an entity's report (a response body), by cluster and name. */
export function workloadOf(body: any, cluster: string, name: string) {
  return body.report.workloads.find(
    (w: any) => w.cluster === cluster && w.name === name,
  );
}

/** The status of every check of that workload, by check id. */
export function checkStatuses(
  body: any,
  cluster: string,
  name: string,
): Record<string, string> {
  return Object.fromEntries(
    (workloadOf(body, cluster, name)?.checks ?? []).map((c: any) => [
      c.id,
      c.status,
    ]),
  );
}
