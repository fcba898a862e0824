import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DefaultApiClient } from '.';

const baseUrl = 'http://localhost:7007/api/availability';
const scripts = path.resolve(__dirname, '../../../../../scripts');

describe('the client generated from the OpenAPI spec', () => {
  it('is what the spec generates, its models of the common package agreeing with the spec (run yarn openapi:generate)', async () => {
    await expect(
      promisify(execFile)(process.execPath, [
        path.join(scripts, 'openapi-generate.js'),
        '--check',
      ]),
    ).resolves.toMatchObject({ stderr: '' });
  }, 60_000);

  it('takes no type from the common package that its schema does not describe', () => {
    const { readSpec } = require(path.join(scripts, 'openapi/spec.js'));
    const { disagreements } = require(path.join(
      scripts,
      'openapi/commonTypes.js',
    ));
    const spec = readSpec();
    const { schemas } = spec.components;
    expect(schemas.ClusterStatus['x-common-type']).toBe('ClusterStatus');
    expect(schemas.WorkloadEvidence['x-common-type']).toBe('WorkloadEvidence');
    // A field the type makes optional described as required, and one the
    // type declares left out of the schema.
    schemas.ClusterStatus.required.push('stale');
    delete schemas.WorkloadEvidence.properties.pdbs;
    const found = disagreements(spec, __dirname);
    expect(found).toContainEqual(
      expect.stringMatching(/^ClusterStatus .*'stale'/s),
    );
    expect(found).toContainEqual(expect.stringMatching(/^WorkloadEvidence /));
    expect(
      found.every((d: string) => /^(ClusterStatus|WorkloadEvidence) /.test(d)),
    ).toBe(true);
  }, 60_000);

  describe('DefaultApiClient', () => {
    const server = setupServer();
    registerMswTestHooks(server);
    // Resolved on each call: msw replaces the global fetch once it listens.
    const fetchApi = {
      fetch: jest.fn((...args: Parameters<typeof fetch>) => fetch(...args)),
    };
    const client = new DefaultApiClient({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
      fetchApi,
    });

    it('fills the path template with escaped parameters, through the given fetch', async () => {
      server.use(
        http.get(`${baseUrl}/entities/:kind/:namespace/:name/objects`, () =>
          HttpResponse.json({ entityRef: 'x', objects: [], config: {} }),
        ),
      );
      const response = await client.getEntityObjects({
        path: { kind: 'Component', namespace: 'default', name: 'a/b c' },
      });
      expect(response.url).toBe(
        `${baseUrl}/entities/Component/default/a%2Fb%20c/objects`,
      );
      expect(await response.json()).toEqual({
        entityRef: 'x',
        objects: [],
        config: {},
      });
      expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
    });

    it("writes the query in the spec's order, lists repeated and empty values left out", async () => {
      let url: string | undefined;
      server.use(
        http.get(`${baseUrl}/exemptions`, ({ request }) => {
          url = request.url;
          return HttpResponse.json({ items: [] });
        }),
      );
      await client.listExemptions({
        query: {
          horizonDays: 90,
          text: '',
          owner: ['team-a', '', 'team-b'],
          lifecycle: ['production'],
        },
      });
      expect(url).toBe(
        `${baseUrl}/exemptions?owner=team-a&owner=team-b&lifecycle=production&horizonDays=90`,
      );
    });

    it('sends a JSON body with its content type', async () => {
      let seen: { type: string | null; body: unknown } | undefined;
      server.use(
        http.post(`${baseUrl}/evaluate`, async ({ request }) => {
          seen = {
            type: request.headers.get('content-type'),
            body: await request.json(),
          };
          return HttpResponse.json({
            score: null,
            level: null,
            workloads: [],
            errors: [],
          });
        }),
      );
      const response = await client.evaluateManifests({
        body: { manifests: 'kind: Deployment' },
      });
      expect(response.status).toBe(200);
      expect(seen).toEqual({
        type: 'application/json',
        body: { manifests: 'kind: Deployment' },
      });
    });

    it('hands error responses back as they came', async () => {
      server.use(
        http.get(`${baseUrl}/clusters/:cluster/failure-domains`, () =>
          HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'no such cluster' } },
            { status: 404 },
          ),
        ),
      );
      const response = await client.getFailureDomains({
        path: { cluster: 'prod-eu' },
      });
      expect(response.status).toBe(404);
    });
  });
});
