export { availabilityApiRef } from './AvailabilityApi';
export type { AvailabilityApi } from './AvailabilityApi';
export {
  AvailabilityClient,
  reportsQueryToSearchParams,
} from './AvailabilityClient';
export type { AvailabilityClientOptions } from './AvailabilityClient';
