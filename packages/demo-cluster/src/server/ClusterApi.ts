import { IncomingMessage, ServerResponse } from 'node:http';
import { isError } from '@backstage/errors';
import { ObjectStore } from '../api/ObjectStore';
import {
  API_RESOURCES,
  ApiResource,
  apiVersionOf,
  findResource,
} from '../api/resources';
import { EmulatorFault } from '../types';
import { StatusReason, statusBody, statusCodeOf } from './status';

/** @internal */
export interface ClusterApiOptions {
  name: string;
  /** Where the cluster's current objects are; changes replace the store. */
  objects: { readonly store: ObjectStore };
  token: string;
  kubernetesVersion: string;
  fault?: EmulatorFault;
}

interface Answer {
  status: number;
  body: unknown;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function groupsOf(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const resource of API_RESOURCES) {
    if (resource.group) {
      const versions = groups.get(resource.group) ?? [];
      for (const version of resource.versions) {
        if (!versions.includes(version)) versions.push(version);
      }
      groups.set(resource.group, versions);
    }
  }
  return groups;
}

function groupDocument(name: string, versions: string[]) {
  const entries = versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

/**
 * The Kubernetes REST API of one emulated cluster: discovery, list and get
 * with selectors, bearer-token checks and the cluster's fault switches.
 *
 * @internal
 */
export class ClusterApi {
  readonly name: string;
  readonly #objects: { readonly store: ObjectStore };
  readonly #token: string;
  readonly #kubernetesVersion: string;
  #fault: EmulatorFault | undefined;
  #requests = 0;

  static create(options: ClusterApiOptions): ClusterApi {
    return new ClusterApi(options);
  }

  private constructor(options: ClusterApiOptions) {
    this.name = options.name;
    this.#objects = options.objects;
    this.#token = options.token;
    this.#kubernetesVersion = options.kubernetesVersion;
    this.#fault = options.fault;
  }

  get token(): string {
    return this.#token;
  }

  get fault(): EmulatorFault | undefined {
    return this.#fault;
  }

  setFault(fault: EmulatorFault | undefined) {
    this.#fault = fault && Object.keys(fault).length > 0 ? fault : undefined;
  }

  get requestCount(): number {
    return this.#requests;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#requests += 1;
    const fault = this.#fault;
    if (fault?.latencyMs) {
      await sleep(fault.latencyMs);
    }
    if (fault?.timeout !== undefined && fault.timeout !== false) {
      // Hold the request; the client (or close()) ends it, or we drop it.
      if (typeof fault.timeout === 'number') {
        const timer = setTimeout(() => req.socket.destroy(), fault.timeout);
        req.socket.once('close', () => clearTimeout(timer));
      }
      return;
    }
    let answer: Answer;
    if (fault?.status) {
      answer = this.#faultAnswer(fault.status, req);
    } else {
      answer = this.#answer(req);
    }
    const text =
      typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body);
    // A truncated body: every proper prefix of a JSON object is invalid JSON.
    const body = fault?.malformedJson
      ? text.slice(0, Math.max(1, Math.floor(text.length / 2)))
      : text;
    res.writeHead(answer.status, {
      'Content-Type':
        typeof answer.body === 'string'
          ? 'text/plain; charset=utf-8'
          : 'application/json',
      'Cache-Control': 'no-cache, private',
      ...(answer.status === 405 && { Allow: 'GET' }),
    });
    res.end(body);
  }

  #fail(reason: StatusReason, message: string, details?: object): Answer {
    return {
      status: statusCodeOf(reason),
      body: statusBody(reason, message, details),
    };
  }

  #faultAnswer(status: 401 | 403 | 500, req: IncomingMessage): Answer {
    if (status === 401) {
      return this.#fail('Unauthorized', 'Unauthorized');
    }
    if (status === 403) {
      const path = new URL(req.url ?? '/', 'http://emulator').pathname;
      return this.#fail(
        'Forbidden',
        `forbidden: User "system:serviceaccount:backstage:backstage-reader" cannot get path "${path}"`,
      );
    }
    return this.#fail(
      'InternalError',
      'Internal error occurred: etcdserver: request timed out',
    );
  }

  #answer(req: IncomingMessage): Answer {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      return { status: 200, body: 'ok' };
    }
    if (req.headers.authorization !== `Bearer ${this.#token}`) {
      return this.#fail('Unauthorized', 'Unauthorized');
    }
    if (req.method !== 'GET') {
      return this.#fail(
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    }
    try {
      return (
        this.#discovery(path) ??
        this.#resource(path, url.searchParams) ??
        this.#fail(
          'NotFound',
          'the server could not find the requested resource',
        )
      );
    } catch (error) {
      if (isError(error) && error.name === 'InputError') {
        return this.#fail('BadRequest', error.message);
      }
      throw error;
    }
  }

  #discovery(path: string): Answer | undefined {
    const ok = (body: unknown) => ({ status: 200, body });
    const groups = groupsOf();
    if (path === '/version') {
      const [major, minor] = this.#kubernetesVersion
        .replace(/^v/, '')
        .split('.');
      return ok({
        major,
        minor,
        gitVersion: this.#kubernetesVersion,
        gitCommit: 'availability-backstage-demo-cluster',
        gitTreeState: 'clean',
        buildDate: '2024-09-11T00:00:00Z',
        goVersion: 'go1.22.6',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    if (path === '/api') {
      return ok({
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          { clientCIDR: '0.0.0.0/0', serverAddress: 'emulator:443' },
        ],
      });
    }
    if (path === '/apis') {
      return ok({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups].map(([name, versions]) =>
          groupDocument(name, versions),
        ),
      });
    }
    const group = /^\/apis\/([^/]+)$/.exec(path);
    if (group) {
      const versions = groups.get(group[1]);
      return versions
        ? ok({
            kind: 'APIGroup',
            apiVersion: 'v1',
            ...groupDocument(group[1], versions),
          })
        : undefined;
    }
    const groupVersion = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (groupVersion) {
      const [groupName, version] = groupVersion[1]
        ? ['', groupVersion[1]]
        : [groupVersion[2], groupVersion[3]];
      const resources = API_RESOURCES.filter(
        r => r.group === groupName && r.versions.includes(version),
      );
      if (resources.length === 0) {
        return undefined;
      }
      return ok({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: apiVersionOf(groupName, version),
        resources: resources.map(r => ({
          name: r.plural,
          singularName: r.singular,
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: ['get', 'list'],
          ...(r.shortNames?.length && { shortNames: r.shortNames }),
        })),
      });
    }
    return undefined;
  }

  #resource(path: string, query: URLSearchParams): Answer | undefined {
    const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(path);
    if (!match) {
      return undefined;
    }
    const [group, version] = match[1] ? ['', match[1]] : [match[2], match[3]];
    const segments = match[4].split('/').map(decodeURIComponent);
    let namespace: string | undefined;
    let rest = segments;
    // `namespaces/<ns>/<plural>…` is a namespaced request; `namespaces` and
    // `namespaces/<name>` address the Namespace objects themselves.
    if (segments[0] === 'namespaces' && segments.length >= 3) {
      namespace = segments[1];
      rest = segments.slice(2);
    }
    if (rest.length > 2) {
      return undefined;
    }
    const [plural, name] = rest;
    const resource = findResource(group, version, plural);
    if (!resource || (namespace !== undefined && !resource.namespaced)) {
      return undefined;
    }
    if (name !== undefined) {
      return this.#get(resource, version, name, namespace);
    }
    if (query.get('watch') === 'true' || query.get('watch') === '1') {
      return this.#fail('BadRequest', 'the emulator does not support watch');
    }
    const limit = Number(query.get('limit') ?? 0);
    const result = this.#objects.store.list({
      resource,
      version,
      namespace,
      labelSelector: query.get('labelSelector') ?? undefined,
      fieldSelector: query.get('fieldSelector') ?? undefined,
      limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
      continueToken: query.get('continue') ?? undefined,
    });
    return {
      status: 200,
      body: {
        kind: `${resource.kind}List`,
        apiVersion: apiVersionOf(group, version),
        metadata: {
          resourceVersion: result.resourceVersion,
          ...(result.continueToken && {
            continue: result.continueToken,
            remainingItemCount: result.remainingItemCount,
          }),
        },
        items: result.items,
      },
    };
  }

  #get(
    resource: ApiResource,
    version: string,
    name: string,
    namespace: string | undefined,
  ): Answer | undefined {
    if (resource.namespaced && namespace === undefined) {
      return undefined;
    }
    const object = this.#objects.store.get(resource, version, name, namespace);
    if (!object) {
      return this.#fail(
        'NotFound',
        `${resource.plural}${
          resource.group ? `.${resource.group}` : ''
        } "${name}" not found`,
        {
          name,
          ...(resource.group && { group: resource.group }),
          kind: resource.plural,
        },
      );
    }
    return { status: 200, body: object };
  }
}
