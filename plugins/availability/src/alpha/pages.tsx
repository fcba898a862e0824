import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { AvailabilityIcon } from './AvailabilityIcon';
import { rootRouteRef } from './routes';

/** @alpha */
export const availabilityPage = PageBlueprint.make({
  params: {
    path: '/availability',
    title: 'Availability',
    icon: <AvailabilityIcon />,
    routeRef: rootRouteRef,
    // The page brings its own Backstage header, the same in both systems.
    noHeader: true,
    loader: () =>
      import('../components/AvailabilityPage').then(m => (
        <m.AvailabilityPage />
      )),
  },
});
