import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide availability page of the legacy plugin. */
export const rootRouteRef = createRouteRef({ id: 'availability' });

/** The entity tab of the legacy plugin. */
export const entityContentRouteRef = createRouteRef({
  id: 'availability:entity-content',
});
