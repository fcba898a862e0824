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
      /** Kubernetes API requests made against this cluster (one per object type). */
      kubeRequests: number;
    }
  | {
      cluster: string;
      status: 'error';
      /** Why the cluster's objects are not usable, e.g. "403 Forbidden". */
      message: string;
      kubeRequests: number;
    };

/**
 * The objects of one entity over every cluster it runs on.
 *
 * @public
 */
export interface EntityObjects {
  clusters: ClusterObjects[];
  /** Requests this source made (to the kubernetes backend or to clusters). */
  requests: number;
}

/**
 * Reads the Kubernetes objects of a catalog entity from wherever they live.
 * A cluster that fails is reported as such; a failure that leaves no cluster
 * usable is thrown.
 *
 * @public
 */
export interface KubernetesObjectsSource {
  getEntityObjects(options: { entity: Entity }): Promise<EntityObjects>;
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
