import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { AvailabilityClient, availabilityApiRef } from '../api';

/** @alpha */
export const availabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: availabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AvailabilityClient({ discoveryApi, fetchApi }),
    }),
});
