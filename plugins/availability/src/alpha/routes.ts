import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The org-wide availability page in the new frontend system. */
export const rootRouteRef = createRouteRef();
