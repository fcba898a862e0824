import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { availabilityApi } from './apis';
import { AvailabilityIcon } from './AvailabilityIcon';
import {
  entityAvailabilityCard,
  entityAvailabilityContent,
  entityAvailabilityRollupCard,
} from './entityExtensions';
import { availabilityPage } from './pages';
import { rootRouteRef } from './routes';

/**
 * The availability plugin for the new frontend system: the API, the entity
 * tab and card, and the org page with its sidebar item.
 *
 * @alpha
 */
export const availabilityPlugin = createFrontendPlugin({
  pluginId: 'availability',
  title: 'Availability',
  icon: <AvailabilityIcon />,
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    availabilityApi,
    entityAvailabilityContent,
    entityAvailabilityCard,
    entityAvailabilityRollupCard,
    availabilityPage,
  ],
  routes: { root: rootRouteRef },
});
