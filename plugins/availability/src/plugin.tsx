import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/availability',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const availabilityPlugin = createFrontendPlugin({
  pluginId: 'availability',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
