import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  kubernetesConfigFor,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';

// A standalone backend for developing this plugin: the real kubernetes
// backend reading the emulated demo clusters, a fixed catalog and mock auth.
//
// Start it with `yarn start` in this package, then try:
//
//   curl -X POST http://localhost:7007/api/availability/entities/component/default/shop/refresh
//   curl http://localhost:7007/api/availability/entities/component/default/shop
//   curl 'http://localhost:7007/api/availability/reports?orderBy=score'
//   curl http://localhost:7007/api/availability/summary
//   curl -X POST http://localhost:7007/api/availability/evaluate -H 'Content-Type: text/yaml' --data-binary @deployment.yaml

async function main() {
  const emulator = await startKubeApiEmulator({});
  const backend = createBackend();

  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: {
          baseUrl: 'http://localhost:7007',
          listen: { port: 7007 },
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        kubernetes: kubernetesConfigFor(emulator),
        availability: {
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
        },
      },
    }),
  );
  // Mock auth lets you call the API without signing in.
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(
    catalogServiceMock.factory({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'shop',
            annotations: { 'backstage.io/kubernetes-id': 'shop' },
          },
          spec: {
            type: 'service',
            owner: 'team-shop',
            lifecycle: 'production',
          },
        },
      ],
    }),
  );
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  backend.add(import('../src'));
  await backend.start();
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
