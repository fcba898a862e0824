export { EntityAvailabilityContent } from './EntityAvailabilityContent';
