export { AvailabilityPage } from './AvailabilityPage';
export type { AvailabilityPageProps } from './AvailabilityPage';
