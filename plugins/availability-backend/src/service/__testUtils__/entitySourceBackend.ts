import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { availabilityPlugin } from '../../plugin';
import type { fakeKubernetesBackend } from '../../__testUtils__/fakeKubernetesBackend';
import { MANUAL_SCHEDULE } from './testBackend';
import { testDatabases } from './testDatabases';

/**
 * Starts a test backend whose availability plugin reads each entity's objects
 * from the fake kubernetes backend (`source: entity`) on a schedule that never
 * fires by itself, over the given catalog. `config` is the root config, its
 * `availability` section laid over those two settings; `features` are added.
 */
export async function startEntitySourceBackend(options: {
  kube: ReturnType<typeof fakeKubernetesBackend>;
  entities: Entity[];
  config?: JsonObject & { availability?: JsonObject };
  features?: BackendFeature[];
}): Promise<TestBackend['server']> {
  const { availability, ...rest } = options.config ?? {};
  const { server } = await startTestBackend({
    features: [
      testDatabases,
      availabilityPlugin,
      options.kube.plugin,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({
        data: {
          ...rest,
          availability: {
            source: 'entity',
            schedule: MANUAL_SCHEDULE,
            ...availability,
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return server;
}
