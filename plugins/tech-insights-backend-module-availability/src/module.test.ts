import {
  coreServices,
  createServiceFactory,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonfcModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
// The test runs the real availability backend beside Tech Insights.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import availabilityPlugin from '@availability-backstage/plugin-availability-backend';
// The reports are seeded through the plugin's own store, which the package
// does not export; the workspace reaches it through the plugin's test
// utilities, in its source.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports, @backstage/no-forbidden-package-imports
import { seededStore } from '@availability-backstage/plugin-availability-backend/src/__testUtils__/seededStore';
import {
  AvailabilityReport,
  evaluate,
  parseManifests,
} from '@availability-backstage/plugin-availability-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import techInsightsModuleAvailability from '.';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const exampleChecks = parse(
  fs.readFileSync(path.resolve(__dirname, '../checks.yaml'), 'utf8'),
);

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  // Reports exist only for entities with Kubernetes annotations.
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner: 'team-a' },
});

/** One replica of checkout-api, as read from a cluster: fails critical checks. */
const checkoutApiObjects = parseManifests(
  `
apiVersion: apps/v1
kind: Deployment
metadata: { name: checkout-api, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: checkout-api } }
  template:
    metadata: { labels: { app: checkout-api } }
    spec:
      containers: [{ name: api, image: 'checkout-api:2.0.0' }]
`,
  'checkout-api.yaml',
).objects.map(({ object }) => ({ object, cluster: 'prod-eu' }));

async function seedReports() {
  const seeded = await seededStore();
  const { refreshedAt } = seeded;
  const save = (name: string, report: AvailabilityReport) =>
    seeded.saveReport({ name }, report);
  await save(
    'checkout-api',
    evaluate(checkoutApiObjects, { now: refreshedAt }),
  );
  // A gold report, as the engine gives for a workload that passes all.
  await save('cart-api', {
    score: 100,
    level: 'gold',
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'cart-api',
        cluster: 'prod-eu',
        score: 100,
        level: 'gold',
        checks: [
          {
            id: 'replicas-min',
            status: 'pass',
            severity: 'critical',
            message: '3 replicas',
            remediation: null,
            reason: null,
          },
        ],
      },
    ],
    errors: [],
  });
  return seeded;
}

async function start() {
  const seeded = await seedReports();
  // The availability plugin gets the seeded database, every other plugin its own.
  const database = createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    async factory({ plugin }) {
      const knex =
        plugin.getId() === 'availability'
          ? seeded.knex
          : await databases.init('SQLITE_3');
      return { getClient: async () => knex };
    },
  });
  // Tasks are run by the test, not by a clock.
  const tasks = new Map<
    string,
    SchedulerServiceTaskScheduleDefinition & { fn: Function }
  >();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, task);
    },
  });
  const { server } = await startTestBackend({
    features: [
      availabilityPlugin,
      techInsightsPlugin,
      jsonfcModule,
      techInsightsModuleAvailability,
      database,
      scheduler.factory,
      catalogServiceMock.factory({
        entities: ['checkout-api', 'cart-api', 'docs'].map(component),
      }),
      mockServices.rootConfig.factory({
        data: {
          techInsights: {
            factRetrievers: {
              availabilityFactRetriever: { cadence: '*/30 * * * *' },
            },
            factChecker: { checks: exampleChecks },
          },
        },
      }),
    ],
  });
  return { server, tasks, stored: seeded.store };
}

describe('availability facts in Tech Insights', () => {
  it('stores the facts of each entity with a report, and the example checks judge them', async () => {
    const { server, tasks, stored } = await start();
    const retriever = tasks.get('availability-fact-retriever');
    expect(retriever?.frequency).toEqual({ cron: '*/30 * * * *' });
    await retriever!.fn(new AbortController().signal);

    const auth = { Authorization: mockCredentials.user.header() };
    const latest = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: 'component:default/checkout-api',
        'ids[]': 'availability-fact-retriever',
      })
      .set(auth);
    expect(latest.status).toBe(200);
    const report = (await stored.getEntityReport(
      'component:default/checkout-api',
    ))!.report!;
    expect(latest.body['availability-fact-retriever']).toMatchObject({
      id: 'availability-fact-retriever',
      entity: { namespace: 'default', kind: 'component', name: 'checkout-api' },
      facts: {
        score: report.score,
        level: report.level,
        failingChecks: expect.arrayContaining(['replicas-min']),
        failingCritical: expect.any(Number),
        stale: false,
        refreshedAt: '2026-03-01T12:00:00.000Z',
      },
    });
    expect(
      latest.body['availability-fact-retriever'].facts.failingCritical,
    ).toBeGreaterThan(0);

    const checks = await request(server)
      .post('/api/tech-insights/checks/run/default/component/checkout-api')
      .set(auth)
      .send({
        checks: ['availabilityLevelGold', 'availabilityNoCriticalFailure'],
      });
    expect(checks.status).toBe(200);
    expect(
      Object.fromEntries(checks.body.map((c: any) => [c.check.id, c.result])),
    ).toEqual({
      availabilityLevelGold: false,
      availabilityNoCriticalFailure: false,
    });

    const gold = await request(server)
      .post('/api/tech-insights/checks/run/default/component/cart-api')
      .set(auth)
      .send({
        checks: ['availabilityLevelGold', 'availabilityNoCriticalFailure'],
      });
    expect(gold.body.map((c: any) => c.result)).toEqual([true, true]);

    // An entity without a report gets no facts, hence no verdict.
    const none = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: 'component:default/docs',
        'ids[]': 'availability-fact-retriever',
      })
      .set(auth);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({});
  });
});
