import { Entity } from '@backstage/catalog-model';
import {
  hasKubernetesAnnotations,
  KUBERNETES_ANNOTATIONS,
} from '@availability-backstage/plugin-availability-common';

/**
 * The annotations that tell the kubernetes plugin, and so this plugin, which
 * cluster objects belong to an entity.
 *
 * @public
 * @deprecated Use `KUBERNETES_ANNOTATIONS` from
 * `@availability-backstage/plugin-availability-common`.
 */
export const AVAILABILITY_ANNOTATIONS = KUBERNETES_ANNOTATIONS;

/**
 * Whether an entity has the annotations availability reports are built from;
 * use it to show the entity tab and card conditionally.
 *
 * @public
 */
export function isAvailabilityAvailable(entity: Entity): boolean {
  return hasKubernetesAnnotations(entity.metadata.annotations);
}
