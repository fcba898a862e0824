import { ResponseError } from '@backstage/errors';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { checks, entityReport, facets, summary } from '../__fixtures__/reports';
import { AvailabilityClient } from './AvailabilityClient';

const baseUrl = 'http://localhost:7007/api/availability';

describe('AvailabilityClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new AvailabilityClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-token' } }),
  });

  it('reads an entity report, escaping the ref parts and sending the token', async () => {
    let seen: { url: string; auth: string | null } | undefined;
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, ({ request }) => {
        seen = {
          url: request.url,
          auth: request.headers.get('authorization'),
        };
        return HttpResponse.json(entityReport);
      }),
    );

    const response = await client.getEntityReport({
      kind: 'Component',
      namespace: 'default',
      name: 'a/b c',
    });

    expect(response).toEqual(entityReport);
    expect(seen).toEqual({
      url: `${baseUrl}/entities/Component/default/a%2Fb%20c`,
      auth: 'Bearer user-token',
    });
  });

  it('refreshes with a POST', async () => {
    const refreshed = { ...entityReport, stale: false };
    server.use(
      http.post(`${baseUrl}/entities/component/default/checkout/refresh`, () =>
        HttpResponse.json(refreshed),
      ),
    );
    await expect(
      client.refreshEntityReport({
        kind: 'component',
        namespace: 'default',
        name: 'checkout',
      }),
    ).resolves.toEqual(refreshed);
  });

  it('sends list filters as repeated parameters', async () => {
    let search: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/reports`, ({ request }) => {
        search = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [], totalItems: 0 });
      }),
    );

    await client.listReports({
      owner: ['group:default/team-a', 'group:default/team-b'],
      level: ['gold', 'none'],
      failingCheck: ['replicas-min'],
      text: 'check out&more',
      orderBy: 'score',
      order: 'desc',
      limit: 25,
      cursor: 'abc==',
    });

    expect(search?.getAll('owner')).toEqual([
      'group:default/team-a',
      'group:default/team-b',
    ]);
    expect(search?.getAll('level')).toEqual(['gold', 'none']);
    expect(search?.get('failingCheck')).toBe('replicas-min');
    expect(search?.get('text')).toBe('check out&more');
    expect(search?.get('orderBy')).toBe('score');
    expect(search?.get('order')).toBe('desc');
    expect(search?.get('limit')).toBe('25');
    expect(search?.get('cursor')).toBe('abc==');
    expect(search?.has('system')).toBe(false);
  });

  it('lists without a query string when nothing is set', async () => {
    let url: string | undefined;
    server.use(
      http.get(`${baseUrl}/reports`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ items: [], totalItems: 0 });
      }),
    );
    await client.listReports();
    expect(url).toBe(`${baseUrl}/reports`);
  });

  it('reads the summary and the check catalog', async () => {
    server.use(
      http.get(`${baseUrl}/summary`, () => HttpResponse.json(summary)),
      http.get(`${baseUrl}/checks`, () => HttpResponse.json({ items: checks })),
    );
    await expect(client.getSummary()).resolves.toEqual(summary);
    await expect(client.getChecks()).resolves.toEqual(checks);
  });

  it('sends the filters of the table, not its sort or paging, to the summary and the facets', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${baseUrl}/summary`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(summary);
      }),
      http.get(`${baseUrl}/facets`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(facets);
      }),
    );
    const view = {
      lifecycle: ['production'],
      owner: ['group:default/team-a'],
      orderBy: 'level' as const,
      limit: 25,
    };
    await expect(client.getSummary(view)).resolves.toEqual(summary);
    await expect(client.getFacets(view)).resolves.toEqual(facets);
    const query = 'owner=group%3Adefault%2Fteam-a&lifecycle=production';
    expect(urls).toEqual([
      `${baseUrl}/summary?${query}`,
      `${baseUrl}/facets?${query}`,
    ]);
  });

  it('turns error responses into ResponseErrors carrying the server error', async () => {
    server.use(
      http.get(`${baseUrl}/entities/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'no such entity' },
            request: { method: 'GET', url: '/entities/component/default/x' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client
      .getEntityReport({ kind: 'component', namespace: 'default', name: 'x' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('no such entity');
    expect(error.cause).toMatchObject({
      name: 'NotFoundError',
      message: 'no such entity',
    });
  });
});
