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

/**
 * The tab, on every Component: one without annotations gets the steps to
 * onboard it instead of no tab (and a 404 for a link to it).
 *
 * @alpha
 */
export const entityAvailabilityContent = EntityContentBlueprint.make({
  params: {
    path: 'availability',
    title: 'Availability',
    filter: { kind: 'component' },
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

/**
 * A card for Group and System pages: their services by level, worst first.
 *
 * @alpha
 */
export const entityAvailabilityRollupCard = EntityCardBlueprint.make({
  name: 'rollup',
  params: {
    type: 'content',
    filter: { kind: { $in: ['group', 'system'] } },
    loader: () =>
      import('../components/EntityAvailabilityRollupCard').then(m => (
        <m.EntityAvailabilityRollupCard />
      )),
  },
});
