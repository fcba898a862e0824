import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesProxyNodesSource } from './KubernetesProxyNodesSource';

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function node(name: string, zone?: string) {
  return {
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        ...(zone && { 'topology.kubernetes.io/zone': zone }),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: '10.0.0.0/24' },
    status: { capacity: { cpu: '4' } },
  };
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('KubernetesProxyNodesSource', () => {
  let server: http.Server;
  let baseUrl: string;
  let answer: Answer;
  const seen: http.IncomingMessage[] = [];

  beforeAll(async () => {
    // Stands in for the kubernetes backend, mounted at /api/kubernetes.
    server = http.createServer((req, res) => {
      seen.push(req);
      answer(req, res);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/kubernetes`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const source = (options?: { pageSize?: number; timeoutMs?: number }) =>
    KubernetesProxyNodesSource.create({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => baseUrl,
      }),
      auth: mockServices.auth(),
      timeoutMs: options?.timeoutMs ?? 2_000,
      pageSize: options?.pageSize,
    });

  it('lists every page of Nodes through the proxy, keeping names and labels', async () => {
    const pages = [
      {
        kind: 'NodeList',
        metadata: { continue: 'page-2' },
        items: [node('a-1', 'eu-1a'), node('b-1', 'eu-1b')],
      },
      {
        kind: 'NodeList',
        metadata: {},
        items: [
          node('c-1'),
          { metadata: { name: 'odd', labels: { numeric: 1, ok: 'yes' } } },
        ],
      },
    ];
    answer = (req, res) => {
      const url = new URL(req.url!, 'http://x');
      json(res, 200, pages[url.searchParams.get('continue') ? 1 : 0]);
    };

    const result = await source({ pageSize: 2 }).listNodes({
      cluster: 'prod-eu',
    });

    expect(result).toEqual({
      status: 'ok',
      requests: 2,
      nodes: [
        {
          name: 'a-1',
          labels: {
            'kubernetes.io/hostname': 'a-1',
            'topology.kubernetes.io/zone': 'eu-1a',
          },
        },
        {
          name: 'b-1',
          labels: {
            'kubernetes.io/hostname': 'b-1',
            'topology.kubernetes.io/zone': 'eu-1b',
          },
        },
        { name: 'c-1', labels: { 'kubernetes.io/hostname': 'c-1' } },
        { name: 'odd', labels: { ok: 'yes' } },
      ],
    });
    expect(seen.map(req => req.url)).toEqual([
      '/api/kubernetes/proxy/api/v1/nodes?limit=2',
      '/api/kubernetes/proxy/api/v1/nodes?limit=2&continue=page-2',
    ]);
    for (const req of seen) {
      expect(req.method).toBe('GET');
      expect(req.headers['backstage-kubernetes-cluster']).toBe('prod-eu');
      expect(req.headers.authorization).toMatch(/^Bearer \S+/);
    }
  });

  it.each<[string, Answer, RegExp]>([
    [
      "the proxy's own denial",
      (_req, res) =>
        json(res, 403, {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
        }),
      /^403 Forbidden: Unauthorized$/,
    ],
    [
      "the cluster's RBAC denial",
      (_req, res) =>
        json(res, 403, {
          kind: 'Status',
          status: 'Failure',
          message:
            'nodes is forbidden: User "system:serviceaccount:backstage:reader" cannot list resource "nodes"',
          code: 403,
        }),
      /^403 Forbidden: nodes is forbidden: /,
    ],
    [
      'a server error without a body',
      (_req, res) => {
        res.writeHead(503);
        res.end();
      },
      /^503 Service Unavailable$/,
    ],
    [
      'a body that is not JSON',
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items": [');
      },
      /^a response that is not JSON$/,
    ],
    [
      'a body that is not a NodeList',
      (_req, res) => json(res, 200, { items: [{ metadata: {} }] }),
      /^a malformed NodeList$/,
    ],
    ['a dropped connection', req => req.socket.destroy(), /^request failed: /],
  ])('reports %s as an error result', async (_name, fault, message) => {
    answer = fault;
    const result = await source().listNodes({ cluster: 'prod-us' });
    expect(result).toEqual({
      status: 'error',
      message: expect.stringMatching(message),
      requests: 1,
    });
  });

  it('gives up on a proxy that does not answer', async () => {
    answer = () => {
      // Never answers.
    };
    const result = await source({ timeoutMs: 100 }).listNodes({
      cluster: 'staging',
    });
    expect(result).toEqual({
      status: 'error',
      message: 'no answer within 0.1s',
      requests: 1,
    });
  });

  it('stops following a continue token that never ends', async () => {
    answer = (_req, res) =>
      json(res, 200, { metadata: { continue: 'again' }, items: [] });
    const result = await source().listNodes({ cluster: 'prod-eu' });
    expect(result).toEqual({
      status: 'error',
      message: 'more than 100 pages of nodes',
      requests: 100,
    });
  });

  it('reports a failure to reach the kubernetes backend', async () => {
    const unreachable = KubernetesProxyNodesSource.create({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => {
          throw new Error('no kubernetes plugin');
        },
      }),
      auth: mockServices.auth(),
      timeoutMs: 1_000,
    });
    expect(await unreachable.listNodes({ cluster: 'prod-eu' })).toEqual({
      status: 'error',
      message: 'could not prepare the request: no kubernetes plugin',
      requests: 0,
    });
  });
});
