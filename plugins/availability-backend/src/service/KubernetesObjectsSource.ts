import type { Entity } from '@backstage/catalog-model';
import {
  hasKubernetesAnnotations,
  KUBERNETES_ANNOTATIONS as COMMON_KUBERNETES_ANNOTATIONS,
  type EvaluationObject,
} from '@availability-backstage/plugin-availability-common';

/**
 * A Kubernetes object as the rules engine takes it.
 *
 * @public
 */
export type KubernetesObject = EvaluationObject['object'];

/**
 * What one cluster gave for one entity.
 *
 * @public
 */
export type ClusterObjects =
  | {
      cluster: string;
      status: 'ok';
      objects: KubernetesObject[];
    }
  | {
      cluster: string;
      status: 'error';
      /** Why the cluster's objects are not usable, e.g. "403 Forbidden". */
      message: string;
    };

/**
 * The objects of one entity over every cluster it runs on.
 *
 * @public
 */
export interface EntityObjects {
  clusters: ClusterObjects[];
}

/**
 * Told how many Kubernetes API requests a source caused in a cluster, for
 * metrics and the refresh record.
 *
 * @public
 */
export type KubeRequestListener = (cluster: string, count: number) => void;

/**
 * Reads the Kubernetes objects of a catalog entity from wherever they live.
 * A cluster that fails is reported as such; a failure that leaves no cluster
 * usable is thrown.
 *
 * @public
 */
export interface KubernetesObjectsSource {
  getEntityObjects(options: {
    entity: Entity;
    onKubeRequests?: KubeRequestListener;
  }): Promise<EntityObjects>;
  /**
   * Reads every cluster once for a whole pass over these entities, and
   * answers each entity from that reading. Sources without it are asked
   * entity by entity.
   */
  preparePass?(options: {
    entities: Entity[];
    signal?: AbortSignal;
    onKubeRequests?: KubeRequestListener;
  }): Promise<KubernetesObjectsSource>;
}

/**
 * The annotations that tie a catalog entity to Kubernetes objects.
 *
 * @public
 * @deprecated Use `KUBERNETES_ANNOTATIONS` from
 * `@availability-backstage/plugin-availability-common`.
 */
export const KUBERNETES_ANNOTATIONS = COMMON_KUBERNETES_ANNOTATIONS;

/**
 * Whether an entity has Kubernetes objects to look for.
 *
 * @public
 */
export function hasKubernetesAnnotation(entity: Entity): boolean {
  return hasKubernetesAnnotations(entity.metadata.annotations);
}
