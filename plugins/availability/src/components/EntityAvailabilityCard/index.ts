export { EntityAvailabilityCard } from './EntityAvailabilityCard';
export type { EntityAvailabilityCardProps } from './EntityAvailabilityCard';
