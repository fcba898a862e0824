import http from 'node:http';
import { InputError, NotFoundError, isError } from '@backstage/errors';
import { ClusterApi } from './ClusterApi';
import { ClusterObjects } from './ClusterObjects';
import { parseFault } from './parseFault';
import { statusBody } from './status';

const MAX_CONTROL_BODY = 64 * 1024;

/** One emulated cluster as the control endpoint sees it. */
export interface ControlledCluster {
  api: ClusterApi;
  objects: ClusterObjects;
  url?: string;
}

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

async function readJson(req: http.IncomingMessage, what: string) {
  try {
    return JSON.parse(await readBody(req));
  } catch (error) {
    throw new InputError(`The ${what} must be a JSON object`, error);
  }
}

/** @internal */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function methodNotAllowed(res: http.ServerResponse, allowed: string) {
  sendJson(res, 405, statusBody('MethodNotAllowed', `use ${allowed}`));
}

const FAULT_PATH = /^\/_emulator\/clusters\/([^/]+)\/fault$/;
const CHANGES_PATH = /^\/_emulator\/clusters\/([^/]+)\/changes$/;
const OBJECT_PATH =
  /^\/_emulator\/clusters\/([^/]+)\/objects\/([^/]+(?:\/[^/]+){1,2})$/;

/**
 * The control endpoints every emulated cluster answers beside its API, under
 * `/_emulator/clusters`: the clusters with their faults, request counts and
 * changed objects; a cluster's fault; and changes to its authored objects.
 *
 * @internal
 */
export class EmulatorControl {
  readonly #clusters: ControlledCluster[];

  static create(clusters: ControlledCluster[]) {
    return new EmulatorControl(clusters);
  }

  private constructor(clusters: ControlledCluster[]) {
    this.#clusters = clusters;
  }

  find(name: string): ControlledCluster {
    const cluster = this.#clusters.find(c => c.api.name === name);
    if (!cluster) {
      throw new NotFoundError(`No emulated cluster named "${name}"`);
    }
    return cluster;
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://emulator');
    try {
      await this.#route(pathname, req, res);
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

  async #route(
    pathname: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    if (pathname === '/_emulator/clusters' && req.method === 'GET') {
      sendJson(res, 200, {
        clusters: this.#clusters.map(({ api, objects, url }) => ({
          name: api.name,
          url,
          fault: api.fault ?? null,
          requests: api.requestCount,
          changes: objects.changes,
        })),
      });
      return;
    }
    const fault = FAULT_PATH.exec(pathname);
    if (fault) {
      await this.#fault(this.find(decodeURIComponent(fault[1])).api, req, res);
      return;
    }
    const changes = CHANGES_PATH.exec(pathname);
    if (changes) {
      const { api, objects } = this.find(decodeURIComponent(changes[1]));
      if (req.method === 'DELETE') {
        objects.reset();
      } else if (req.method !== 'GET') {
        methodNotAllowed(res, 'GET or DELETE');
        return;
      }
      sendJson(res, 200, { name: api.name, changes: objects.changes });
      return;
    }
    const object = OBJECT_PATH.exec(pathname);
    if (object) {
      const { objects } = this.find(decodeURIComponent(object[1]));
      const ref = decodeURIComponent(object[2]);
      if (req.method === 'PATCH') {
        sendJson(res, 200, objects.patch(ref, await readJson(req, 'patch')));
      } else if (req.method === 'GET') {
        sendJson(res, 200, objects.get(ref));
      } else {
        methodNotAllowed(res, 'GET or PATCH');
      }
      return;
    }
    throw new NotFoundError(`No control endpoint at ${pathname}`);
  }

  async #fault(
    api: ClusterApi,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    if (req.method === 'POST' || req.method === 'PUT') {
      api.setFault(parseFault(await readJson(req, 'fault')));
    } else if (req.method === 'DELETE') {
      api.setFault(undefined);
    } else if (req.method !== 'GET') {
      methodNotAllowed(res, 'GET, POST or DELETE');
      return;
    }
    sendJson(res, 200, { name: api.name, fault: api.fault ?? null });
  }
}
