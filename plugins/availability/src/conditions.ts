import { Entity } from '@backstage/catalog-model';

/**
 * The annotations that tell the kubernetes plugin, and so this plugin, which
 * cluster objects belong to an entity.
 *
 * @public
 */
export const AVAILABILITY_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
] as const;

/**
 * Whether an entity has the annotations availability reports are built from;
 * use it to show the entity tab and card conditionally.
 *
 * @public
 */
export function isAvailabilityAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return AVAILABILITY_ANNOTATIONS.some(annotation =>
    Boolean(annotations[annotation]),
  );
}
