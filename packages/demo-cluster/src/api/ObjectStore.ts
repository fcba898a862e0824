import { InputError } from '@backstage/errors';
import { convertObject } from './conversion';
import { matchesFields, parseFieldSelector } from './fieldSelector';
import { matchesLabels, parseLabelSelector } from './labelSelector';
import {
  ApiResource,
  apiVersionOf,
  resourceForObject,
  resourceKey,
} from './resources';

type Json = Record<string, any>;

/** @internal */
export interface ListQuery {
  resource: ApiResource;
  version: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
}

/** @internal */
export interface ListResult {
  items: Json[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/**
 * The objects of one emulated cluster, read-only once built, answering list
 * and get the way the API server does.
 *
 * @internal
 */
export class ObjectStore {
  readonly #byResource = new Map<string, Json[]>();
  readonly #resourceVersion: string;

  /**
   * @param objects - complete objects (with `apiVersion`, `kind` and
   * `metadata`); objects of kinds that are not served are an error.
   */
  static fromObjects(objects: Json[]): ObjectStore {
    return new ObjectStore(objects);
  }

  private constructor(objects: Json[]) {
    let maxVersion = 0;
    for (const object of objects) {
      const resource = resourceForObject(object.apiVersion, object.kind);
      if (!resource) {
        throw new InputError(
          `The emulator does not serve ${object.apiVersion} ${object.kind} (${object.metadata?.name})`,
        );
      }
      const stored = convertObject(
        object,
        apiVersionOf(resource.group, resource.versions[0]),
      );
      const key = resourceKey(resource);
      const list = this.#byResource.get(key) ?? [];
      if (
        list.some(
          other =>
            other.metadata.name === stored.metadata.name &&
            other.metadata.namespace === stored.metadata.namespace,
        )
      ) {
        throw new InputError(
          `Duplicate ${object.kind} ${stored.metadata.namespace ?? ''}/${
            stored.metadata.name
          }`,
        );
      }
      list.push(stored);
      this.#byResource.set(key, list);
      maxVersion = Math.max(
        maxVersion,
        Number(object.metadata?.resourceVersion ?? 0) || 0,
      );
    }
    for (const list of this.#byResource.values()) {
      list.sort(
        (a, b) =>
          (a.metadata.namespace ?? '').localeCompare(
            b.metadata.namespace ?? '',
          ) || a.metadata.name.localeCompare(b.metadata.name),
      );
    }
    this.#resourceVersion = String(maxVersion);
  }

  /** Every stored object of a resource, in its storage version. */
  all(resource: ApiResource): Json[] {
    return this.#byResource.get(resourceKey(resource)) ?? [];
  }

  list(query: ListQuery): ListResult {
    const { resource, version, namespace } = query;
    const labels = parseLabelSelector(query.labelSelector ?? '');
    const fields = parseFieldSelector(query.fieldSelector ?? '', resource.kind);
    const matching = this.all(resource).filter(
      object =>
        (!namespace || object.metadata.namespace === namespace) &&
        matchesLabels(labels, object.metadata.labels) &&
        matchesFields(fields, object),
    );

    // Pagination: the continue token is the offset of the next item.
    const start = query.continueToken ? decodeContinue(query.continueToken) : 0;
    const end =
      query.limit && query.limit > 0
        ? Math.min(start + query.limit, matching.length)
        : matching.length;
    const apiVersion = apiVersionOf(resource.group, version);
    return {
      items: matching
        .slice(start, end)
        .map(object => this.#serve(object, apiVersion, resource)),
      resourceVersion: this.#resourceVersion,
      ...(end < matching.length && {
        continueToken: encodeContinue(end),
        remainingItemCount: matching.length - end,
      }),
    };
  }

  get(
    resource: ApiResource,
    version: string,
    name: string,
    namespace?: string,
  ): Json | undefined {
    const found = this.all(resource).find(
      object =>
        object.metadata.name === name &&
        (!resource.namespaced || object.metadata.namespace === namespace),
    );
    return found
      ? this.#serve(found, apiVersionOf(resource.group, version), resource)
      : undefined;
  }

  get resourceVersion(): string {
    return this.#resourceVersion;
  }

  #serve(object: Json, apiVersion: string, resource: ApiResource): Json {
    const served = convertObject(clone(object), apiVersion);
    return { ...served, apiVersion, kind: resource.kind };
  }
}

function encodeContinue(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeContinue(token: string): number {
  try {
    const { offset } = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8'),
    );
    if (Number.isInteger(offset) && offset >= 0) {
      return offset;
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('continue key is not valid');
}
