import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FilterPredicate } from '@backstage/filter-predicates';
import { KUBERNETES_ANNOTATIONS } from '@availability-backstage/plugin-availability-common';

// The same condition as isAvailabilityAvailable (see ../conditions.ts), as a
// filter expression so that app config can read and override it.
const hasKubernetesAnnotations: FilterPredicate = {
  $any: KUBERNETES_ANNOTATIONS.map(
    annotation =>
      ({
        [`metadata.annotations.${annotation}`]: { $exists: true },
      } as FilterPredicate),
  ),
};

/** @alpha */
export const entityAvailabilityContent = EntityContentBlueprint.make({
  params: {
    path: 'availability',
    title: 'Availability',
    filter: hasKubernetesAnnotations,
    loader: () =>
      import('../components/EntityAvailabilityContent').then(m => (
        <m.EntityAvailabilityContent />
      )),
  },
});

/** @alpha */
export const entityAvailabilityCard = EntityCardBlueprint.make({
  params: {
    type: 'content',
    filter: hasKubernetesAnnotations,
    loader: () =>
      import('../components/EntityAvailabilityCard').then(m => (
        <m.EntityAvailabilityCard />
      )),
  },
});
