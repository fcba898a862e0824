import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError, isError } from '@backstage/errors';
import { ObjectStore } from './api/ObjectStore';
import { ClusterExpander } from './fixtures/expandCluster';
import {
  listClusterNames,
  readClusterFixture,
} from './fixtures/readClusterFixture';
import { ClusterApi } from './server/ClusterApi';
import { parseFault } from './server/parseFault';
import { statusBody } from './server/status';
import {
  DEFAULT_EMULATOR_TOKEN,
  KubeApiEmulator,
  KubeApiEmulatorOptions,
} from './types';

const CONTROL_PREFIX = '/_emulator/';
const MAX_CONTROL_BODY = 64 * 1024;

/**
 * The demo clusters shipped with this package (prod-eu, prod-us, staging).
 *
 * @public
 */
export const DEMO_CLUSTERS_DIR = resolvePackagePath(
  '@availability-backstage/demo-cluster',
  'clusters',
);

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY) {
        reject(new InputError('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Starts one Kubernetes API server emulator per cluster folder, each on its
 * own port, serving the folder's objects (expanded into the pods, replica
 * sets, statuses and metrics a live cluster would show).
 *
 * Every server also answers the control endpoints: `GET /_emulator/clusters`,
 * `POST /_emulator/clusters/<name>/fault` with an {@link EmulatorFault} as
 * JSON, and `DELETE /_emulator/clusters/<name>/fault`.
 *
 * @public
 */
export async function startKubeApiEmulator(
  options: KubeApiEmulatorOptions = {},
): Promise<KubeApiEmulator> {
  const clustersDir = options.clustersDir ?? DEMO_CLUSTERS_DIR;
  const names = options.clusters ?? listClusterNames(clustersDir);
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? DEFAULT_EMULATOR_TOKEN;
  const basePort = options.port ?? 0;
  const now = new Date();

  const apis = names.map(name => {
    const fixture = readClusterFixture(path.join(clustersDir, name), name);
    const objects = ClusterExpander.expand(fixture, { now });
    const initialFault =
      options.faults && name in options.faults
        ? options.faults[name]
        : fixture.settings.fault;
    return ClusterApi.create({
      name,
      store: ObjectStore.fromObjects(objects),
      token,
      kubernetesVersion: fixture.settings.kubernetesVersion ?? 'v1.30.4',
      fault: initialFault,
    });
  });
  const byName = new Map(apis.map(api => [api.name, api]));
  const urls = new Map<string, string>();

  const findApi = (name: string) => {
    const api = byName.get(name);
    if (!api) {
      throw new NotFoundError(`No emulated cluster named "${name}"`);
    }
    return api;
  };

  async function control(req: http.IncomingMessage, res: http.ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://emulator');
    try {
      if (pathname === '/_emulator/clusters' && req.method === 'GET') {
        sendJson(res, 200, {
          clusters: apis.map(api => ({
            name: api.name,
            url: urls.get(api.name),
            fault: api.fault ?? null,
            requests: api.requestCount,
          })),
        });
        return;
      }
      const match = /^\/_emulator\/clusters\/([^/]+)\/fault$/.exec(pathname);
      if (match) {
        const api = findApi(decodeURIComponent(match[1]));
        if (req.method === 'POST' || req.method === 'PUT') {
          let json: unknown;
          try {
            json = JSON.parse(await readBody(req));
          } catch (error) {
            throw new InputError('The fault must be a JSON object', error);
          }
          api.setFault(parseFault(json));
          sendJson(res, 200, { name: api.name, fault: api.fault ?? null });
          return;
        }
        if (req.method === 'DELETE') {
          api.setFault(undefined);
          sendJson(res, 200, { name: api.name, fault: null });
          return;
        }
        if (req.method === 'GET') {
          sendJson(res, 200, { name: api.name, fault: api.fault ?? null });
          return;
        }
        sendJson(
          res,
          405,
          statusBody('MethodNotAllowed', 'use GET, POST or DELETE'),
        );
        return;
      }
      throw new NotFoundError(`No control endpoint at ${pathname}`);
    } catch (error) {
      if (isError(error) && error.name === 'NotFoundError') {
        sendJson(res, 404, statusBody('NotFound', error.message));
      } else if (isError(error) && error.name === 'InputError') {
        sendJson(res, 400, statusBody('BadRequest', error.message));
      } else {
        sendJson(res, 500, statusBody('InternalError', String(error)));
      }
    }
  }

  const servers: http.Server[] = [];
  const close = async () => {
    await Promise.all(
      servers.map(
        server =>
          new Promise<void>(resolve => {
            server.close(() => resolve());
            // Held (timeout fault) and keep-alive connections end here.
            server.closeAllConnections();
          }),
      ),
    );
  };

  try {
    for (const [index, api] of apis.entries()) {
      const server = http.createServer((req, res) => {
        const done = req.url?.startsWith(CONTROL_PREFIX)
          ? control(req, res)
          : api.handle(req, res);
        done.catch(error => {
          if (!res.headersSent) {
            sendJson(res, 500, statusBody('InternalError', String(error)));
          } else {
            res.destroy();
          }
        });
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(basePort === 0 ? 0 : basePort + index, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      urls.set(
        api.name,
        `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`,
      );
    }
  } catch (error) {
    await close();
    throw error;
  }

  return {
    clusters: apis.map(api => ({
      name: api.name,
      url: urls.get(api.name)!,
      token: api.token,
    })),
    setFault(cluster, fault) {
      findApi(cluster).setFault(fault && parseFault(fault));
    },
    requestCount(cluster) {
      return cluster
        ? findApi(cluster).requestCount
        : apis.reduce((sum, api) => sum + api.requestCount, 0);
    },
    close,
  };
}
