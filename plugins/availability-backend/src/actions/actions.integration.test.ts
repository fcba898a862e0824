import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  metricsServiceMock,
  tracingServiceMock,
} from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mcpPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import request from 'supertest';
import { availabilityPlugin } from '../plugin';
import { seededStore } from '../__testUtils__/seededStore';

const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a' },
};

const intruder = 'user:default/intruder';

/** Allows everything, except any permission to the intruder. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) => {
    const denied =
      options?.credentials.principal &&
      (options.credentials.principal as { userEntityRef?: string })
        .userEntityRef === intruder;
    return requests.map(() => ({
      result: denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    }));
  },
});

async function start() {
  const seeded = await seededStore();
  await seeded.save({ name: 'checkout-api', owner: 'group:default/team-a' }, 1);
  const { server } = await startTestBackend({
    features: [
      availabilityPlugin,
      mcpPlugin,
      catalogServiceMock.factory({ entities: [checkoutApi] }),
      mockServices.database.factory({ knex: seeded.knex }),
      permissions.factory,
      metricsServiceMock.factory(),
      tracingServiceMock.factory(),
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: ['availability'] } },
          availability: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
          },
        },
      }),
    ],
  });
  const stored = await seeded.store.getEntityReport(
    'component:default/checkout-api',
  );
  return { server, stored: stored! };
}

async function mcpClient(port: number, header: string) {
  const client = new Client({ name: 'availability-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`http://localhost:${port}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: header } } },
    ),
  );
  return client;
}

describe('availability actions in a backend', () => {
  it('serves the actions through the real actions registry', async () => {
    const { server, stored } = await start();
    const list = await request(server)
      .get('/api/availability/.backstage/actions/v1/actions')
      .set('Authorization', mockCredentials.user.header());
    expect(list.status).toBe(200);
    expect(list.body.actions.map((a: any) => a.id)).toEqual([
      'availability:get-entity-availability',
      'availability:evaluate-manifests',
      'availability:list-availability',
    ]);

    const invoked = await request(server)
      .post(
        '/api/availability/.backstage/actions/v1/actions/availability:get-entity-availability/invoke',
      )
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:default/checkout-api' });
    expect(invoked.status).toBe(200);
    expect(invoked.body.output).toMatchObject({
      entityRef: 'component:default/checkout-api',
      score: stored.report!.score,
      level: stored.report!.level,
    });
  });

  it('reaches an MCP client through the mcp-actions backend', async () => {
    const { server, stored } = await start();
    const client = await mcpClient(
      server.port(),
      mockCredentials.user.header(),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map(t => t.name).sort()).toEqual([
        'availability.evaluate-manifests',
        'availability.get-entity-availability',
        'availability.list-availability',
      ]);

      const result = await client.callTool({
        name: 'availability.get-entity-availability',
        arguments: { entityRef: 'checkout-api' },
      });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        entityRef: 'component:default/checkout-api',
        score: stored.report!.score,
        level: stored.report!.level,
        refreshedAt: stored.refreshedAt,
        clusters: stored.clusters,
      });
      const text = (result.content as Array<{ text: string }>)[0].text;
      expect(JSON.parse(text).failingChecks.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('gives an MCP caller without the read permission an error, not data', async () => {
    const { server } = await start();
    const client = await mcpClient(
      server.port(),
      mockCredentials.user.header(intruder),
    );
    try {
      const result = await client.callTool({
        name: 'availability.get-entity-availability',
        arguments: { entityRef: 'checkout-api' },
      });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      expect(JSON.stringify(result.content)).toMatch(
        /Missing permission availability\.report\.read/,
      );
      expect(JSON.stringify(result.content)).not.toMatch(/score/);
    } finally {
      await client.close();
    }
  });
});
