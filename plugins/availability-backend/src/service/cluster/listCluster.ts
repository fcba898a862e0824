import type { KubernetesObject } from '../KubernetesObjectsSource';
import {
  KubernetesProxyClient,
  ProxyRequestError,
} from '../proxy/KubernetesProxyClient';
import { ClusterSnapshot } from './ClusterSnapshot';
import { ALL_TYPES, listPath, ObjectType } from './objectTypes';

const NOISY_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * A list item as the engine takes it: list items carry no kind or
 * apiVersion, and the server-side bookkeeping (managed fields, the last
 * applied configuration) is dropped as each page arrives, since it can be
 * most of an object's size and no check reads it.
 */
function toObject(type: ObjectType, item: unknown): KubernetesObject {
  const metadata = (item as { metadata?: Record<string, unknown> })?.metadata;
  if (!metadata || typeof metadata.name !== 'string') {
    throw new ProxyRequestError(`a malformed ${type.plural} object`);
  }
  const { managedFields: _managed, ...keptMetadata } = metadata;
  const annotations = keptMetadata.annotations as
    | Record<string, unknown>
    | undefined;
  if (annotations && NOISY_ANNOTATION in annotations) {
    const { [NOISY_ANNOTATION]: _applied, ...rest } = annotations;
    keptMetadata.annotations = rest;
  }
  return {
    ...(item as object),
    kind: type.kind,
    apiVersion: type.apiVersion,
    metadata: keptMetadata,
  } as KubernetesObject;
}

/**
 * Lists every object type the checks read from one cluster, one type after
 * another (gentle on the API server), each paged. The first failure ends the
 * cluster's listing: a half-read cluster would fail checks for objects that
 * were merely unread. Custom types the cluster does not serve (404: no Argo
 * Rollouts or KEDA) are skipped.
 */
export async function listCluster(options: {
  client: KubernetesProxyClient;
  cluster: string;
  /** Narrows workloads, pods and Services; related types are always listed whole. */
  labelSelector?: string;
  /** Narrows every type to one namespace. */
  namespace?: string;
  signal?: AbortSignal;
}): Promise<ClusterSnapshot> {
  const snapshot = new ClusterSnapshot();
  for (const type of ALL_TYPES) {
    try {
      await options.client.list({
        cluster: options.cluster,
        path: listPath(type, options.namespace),
        what: type.plural,
        labelSelector:
          type.scope === 'entity' ? options.labelSelector : undefined,
        signal: options.signal,
        onItems: items => {
          for (const item of items) {
            snapshot.add(toObject(type, item), type.scope);
          }
        },
      });
    } catch (error) {
      if (
        type.optional &&
        error instanceof ProxyRequestError &&
        error.notFound
      ) {
        continue;
      }
      throw error;
    }
  }
  return snapshot;
}
