export { EntityAvailabilityChip } from './EntityAvailabilityChip';
export type { EntityAvailabilityChipProps } from './EntityAvailabilityChip';
