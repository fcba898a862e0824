import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fc from 'fast-check';
import request from 'supertest';
import { availabilityPlugin } from '../plugin';
import { spec } from '../schema/openapi';
import { componentEntity } from '../__testUtils__/entities';
import {
  asUser,
  MANUAL_SCHEDULE,
  userAuth as auth,
} from './__testUtils__/testBackend';
import { testDatabases } from './__testUtils__/testDatabases';

// Thousands of malformed paths, queries and bodies at every route of the
// real router: the answer is never a 5xx, and every 4xx says what was wrong.

jest.setTimeout(180_000);

const entity = componentEntity('shop-api');

let server: any;

beforeAll(async () => {
  ({ server } = await startTestBackend({
    features: [
      testDatabases,
      availabilityPlugin,
      catalogServiceMock.factory({ entities: [entity] }),
      mockServices.rootConfig.factory({
        data: {
          availability: {
            schedule: MANUAL_SCHEDULE,
            refresh: { requestTimeout: { seconds: 5 } },
            evaluate: { maxBodySize: '64kb' },
          },
        },
      }),
    ],
  }));
});

function expectClearAnswer(res: request.Response, what: string) {
  const answer = `${what} -> ${res.status} ${JSON.stringify(res.body)}`;
  expect([answer, res.status < 500]).toEqual([answer, true]);
  if (res.status >= 400) {
    const message = res.body?.error?.message;
    expect([answer, typeof message === 'string' && message.length > 0]).toEqual(
      [answer, true],
    );
  }
}

/** Path segments as a client might send them: encoded, raw, or broken. */
const segment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom(
    'a%2fb',
    'a:b',
    '%2F',
    '%zz',
    '%E0%A4%A',
    '%00',
    '..',
    '.',
    '%2e%2e',
    'component',
    'default',
    'shop-api',
    'x'.repeat(300),
    '-leading',
    'UPPER',
    'a.b_c-d',
    '%3A',
    '%20',
  ),
  fc.stringMatching(/^[a-zA-Z0-9:%._~-]{1,12}$/),
);

/** Every query parameter the spec describes, on any route. */
const specParameters = spec.components.parameters as Record<
  string,
  { name: string; in: string }
>;
const specQueryKeys = [
  ...new Set(
    Object.values(spec.paths as Record<string, Record<string, any>>)
      .flatMap(item => Object.values(item))
      .flatMap(operation => operation?.parameters ?? [])
      .map((parameter: { $ref?: string; name: string; in: string }) =>
        parameter.$ref
          ? specParameters[parameter.$ref.split('/').pop()!]
          : parameter,
      )
      .filter(parameter => parameter.in === 'query')
      .map(parameter => parameter.name),
  ),
];

/** Query strings with known and unknown keys, repeated, nested or broken. */
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          ...specQueryKeys,
          'owner[]',
          'level[0]',
          'text[a]',
          '__proto__',
          'constructor',
        ),
        fc.string({ maxLength: 8 }).map(encodeURIComponent),
      ),
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
        fc.constantFrom(
          'gold',
          'platinum',
          '-1',
          '0',
          '501',
          '1e3',
          'NaN',
          'group:default/team-a',
          'a%2fb',
          ':',
          '%zz',
          'eyJ4IjoxfQ',
          'x'.repeat(2500),
          'score',
          'desc',
        ),
      ),
    ),
    { maxLength: 6 },
  )
  .map(pairs => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe('the router under hostile input', () => {
  it('answers every entity route with a 4xx that says why, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        segment,
        segment,
        fc.boolean(),
        async (kind, namespace, name, refresh) => {
          const path = `/api/availability/entities/${kind}/${namespace}/${name}${
            refresh ? '/refresh' : ''
          }`;
          const req = refresh
            ? request(server).post(path)
            : request(server).get(path);
          expectClearAnswer(await req.set(auth), path);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['/reports', 500],
    ['/summary', 500],
    ['/checks', 100],
    ['/health', 100],
    ['/no-such-route', 100],
  ])('answers GET %s with any query clearly', async (route, numRuns) => {
    await fc.assert(
      fc.asyncProperty(queryString, async query => {
        const path = `/api/availability${route}?${query}`;
        expectClearAnswer(await request(server).get(path).set(auth), path);
      }),
      { numRuns },
    );
  });

  it('answers POST /evaluate with any body and content type clearly', async () => {
    const body = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.json(),
      fc.constantFrom(
        '{"manifests": 3}',
        '{"manifests": ""}',
        '[1, 2',
        '---\n- a\n- : b\n',
        'kind: Deployment\nspec: { template: [] }',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: [1] }',
        '&a [*a, *a]',
        'a: !!binary xyz',
        '\u0000\u0001',
        'x'.repeat(70_000),
      ),
      fc.anything().map(value => JSON.stringify(value) ?? 'null'),
    );
    const type = fc.constantFrom(
      'application/json',
      'text/yaml',
      'application/yaml',
      'text/plain',
      'application/merge-patch+json',
      'application/octet-stream',
      'multipart/form-data',
      'text/yaml; charset=utf-16',
      'application/json; charset=latin1',
    );
    await fc.assert(
      fc.asyncProperty(body, type, async (text, contentType) => {
        const res = await asUser(server)
          .post('/evaluate')
          .set('content-type', contentType)
          .send(text);
        expectClearAnswer(res, `${contentType} ${text.slice(0, 200)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['/entities/a%2fb/component/x', 400],
    ['/entities/component/a:b/x', 400],
    ['/entities/component/default/a%2fb', 400],
    ['/entities/component/default/%zz', 400],
    ['/entities/component/default/nope', 404],
  ])('answers GET %s with %i', async (path, status) => {
    const res = await asUser(server).get(path);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toBeTruthy();
  });
});
