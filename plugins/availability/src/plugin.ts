import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AvailabilityClient, availabilityApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';
import type { AvailabilityPageProps } from './components/AvailabilityPage';
import type { EntityAvailabilityCardProps } from './components/EntityAvailabilityCard';
import type { EntityAvailabilityRollupCardProps } from './components/EntityAvailabilityRollupCard';

/**
 * The availability plugin for the legacy frontend system.
 *
 * @public
 */
export const availabilityPlugin = createPlugin({
  id: 'availability',
  apis: [
    createApiFactory({
      api: availabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AvailabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The org-wide availability page; mount it on a route such as `/availability`.
 *
 * @public
 */
export const AvailabilityPage: (props: AvailabilityPageProps) => JSX.Element =
  availabilityPlugin.provide(
    createRoutableExtension({
      name: 'AvailabilityPage',
      component: () =>
        import('./components/AvailabilityPage').then(m => m.AvailabilityPage),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * The entity tab; mount it with `EntityLayout.Route path="/availability"`.
 *
 * @public
 */
export const EntityAvailabilityContent: () => JSX.Element =
  availabilityPlugin.provide(
    createRoutableExtension({
      name: 'EntityAvailabilityContent',
      component: () =>
        import('./components/EntityAvailabilityContent').then(
          m => m.EntityAvailabilityContent,
        ),
      mountPoint: entityContentRouteRef,
    }),
  );

/**
 * The overview card for an entity page.
 *
 * @public
 */
export const EntityAvailabilityCard: (
  props: EntityAvailabilityCardProps,
) => JSX.Element = availabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityAvailabilityCard',
    component: {
      lazy: () =>
        import('./components/EntityAvailabilityCard').then(
          m => m.EntityAvailabilityCard,
        ),
    },
  }),
);

/**
 * The availability card for Group and System pages: their services by
 * level, worst first.
 *
 * @public
 */
export const EntityAvailabilityRollupCard: (
  props: EntityAvailabilityRollupCardProps,
) => JSX.Element = availabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityAvailabilityRollupCard',
    component: {
      lazy: () =>
        import('./components/EntityAvailabilityRollupCard').then(
          m => m.EntityAvailabilityRollupCard,
        ),
    },
  }),
);
