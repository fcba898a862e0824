import { InputError, NotFoundError, isError } from '@backstage/errors';
import { ObjectStore } from '../api/ObjectStore';
import { resourceForObject } from '../api/resources';
import { ClusterExpander } from '../fixtures/expandCluster';
import type { ClusterFixture, FixtureObject, Json } from '../fixtures/types';
import { mergePatch } from './mergePatch';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Names an authored object as the runtime hints of `cluster.yaml` do:
 * `<Kind>/<namespace>/<name>`, or `<Kind>/<name>` for a cluster-scoped one.
 */
function refOf({ object }: FixtureObject): string {
  const resource = resourceForObject(object.apiVersion, object.kind);
  const { namespace, name } = object.metadata;
  return resource?.namespaced === false
    ? `${object.kind}/${name}`
    : `${object.kind}/${namespace ?? 'default'}/${name}`;
}

const identity = (object: Json) =>
  JSON.stringify([
    object.apiVersion,
    object.kind,
    object.metadata?.name,
    object.metadata?.namespace,
  ]);

/**
 * The objects one emulated cluster serves: its fixture with the changes made
 * through the control endpoint, expanded the way the control plane would
 * (a Deployment scaled to 1 gets one pod, its PDB's status follows, and so
 * on). Every change re-expands the whole cluster with the clock it started
 * with: the other workloads keep their pods, placement and statuses (pod IPs
 * and resourceVersions come from counters and can shift), and a reset serves
 * exactly what the cluster served at start.
 *
 * @internal
 */
export class ClusterObjects {
  readonly #fixture: ClusterFixture;
  readonly #now: Date;
  /** The patched authored objects, by ref. */
  readonly #changed = new Map<string, FixtureObject>();
  #store: ObjectStore;

  static create(options: { fixture: ClusterFixture; now: Date }) {
    return new ClusterObjects(options);
  }

  private constructor(options: { fixture: ClusterFixture; now: Date }) {
    this.#fixture = options.fixture;
    this.#now = options.now;
    this.#store = this.#build(this.#changed);
  }

  get store(): ObjectStore {
    return this.#store;
  }

  /** The refs of the objects changed since start (or the last reset), sorted. */
  get changes(): string[] {
    return [...this.#changed.keys()].sort();
  }

  /** The served form of an authored object (defaults and status filled in). */
  get(ref: string): Json {
    const { object } = this.#find(ref);
    const resource = resourceForObject(object.apiVersion, object.kind)!;
    return this.#store.get(
      resource,
      resource.versions[0],
      object.metadata.name,
      resource.namespaced ? object.metadata.namespace ?? 'default' : undefined,
    )!;
  }

  /**
   * Applies a JSON merge patch (RFC 7386) to an authored object and rebuilds
   * the cluster. A top-level `emulator` field patches the object's runtime
   * hints instead, as in the fixture files. The identity (apiVersion, kind,
   * name, namespace) cannot change. A patch that leaves the cluster invalid
   * is refused and changes nothing.
   */
  patch(ref: string, patch: unknown): Json {
    if (!isObject(patch)) {
      throw new InputError('The patch must be a JSON object');
    }
    const current = this.#find(ref);
    const { emulator: hintsPatch, ...objectPatch } = patch;
    const object = mergePatch(current.object, objectPatch) as Json;
    if (identity(object) !== identity(current.object)) {
      throw new InputError(
        `A patch cannot change the apiVersion, kind, name or namespace of ${ref}`,
      );
    }
    const hints =
      hintsPatch === undefined
        ? current.hints
        : mergePatch(current.hints, hintsPatch);
    if (!isObject(hints)) {
      throw new InputError('The emulator field of a patch must be an object');
    }
    const changed = new Map(this.#changed).set(ref, {
      ...current,
      object,
      hints,
    });
    try {
      this.#store = this.#build(changed);
    } catch (error) {
      // A patch the controllers cannot make sense of is the caller's fault.
      throw new InputError(
        `The change leaves cluster "${this.#fixture.name}" invalid: ${
          isError(error) ? error.message : String(error)
        }`,
      );
    }
    this.#changed.set(ref, changed.get(ref)!);
    return this.get(ref);
  }

  /** Drops every change: the cluster serves its fixture again. */
  reset(): void {
    this.#changed.clear();
    this.#store = this.#build(this.#changed);
  }

  #find(ref: string): FixtureObject {
    const changed = this.#changed.get(ref);
    if (changed) {
      return changed;
    }
    const found = this.#fixture.objects.find(entry => refOf(entry) === ref);
    if (!found) {
      throw new NotFoundError(
        `Cluster "${
          this.#fixture.name
        }" has no authored object ${ref} (give <Kind>/<namespace>/<name>, or <Kind>/<name> when cluster-scoped; generated objects such as pods change through their owner)`,
      );
    }
    return found;
  }

  #build(changed: Map<string, FixtureObject>): ObjectStore {
    const objects = this.#fixture.objects.map(
      entry => changed.get(refOf(entry)) ?? entry,
    );
    return ObjectStore.fromObjects(
      ClusterExpander.expand({ ...this.#fixture, objects }, { now: this.#now }),
    );
  }
}
