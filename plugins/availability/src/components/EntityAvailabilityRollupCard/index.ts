export { EntityAvailabilityRollupCard } from './EntityAvailabilityRollupCard';
export type { EntityAvailabilityRollupCardProps } from './EntityAvailabilityRollupCard';
