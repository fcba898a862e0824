/**
 * Frontend of the availability plugin: how highly available an entity's
 * Kubernetes workloads are, per entity and across the organisation.
 *
 * The legacy frontend system uses this entry point; the new frontend system
 * uses `@availability-backstage/plugin-availability/alpha`.
 *
 * @packageDocumentation
 */

export {
  availabilityPlugin,
  AvailabilityPage,
  EntityAvailabilityCard,
  EntityAvailabilityContent,
} from './plugin';
export {
  AVAILABILITY_ANNOTATIONS,
  isAvailabilityAvailable,
} from './conditions';
export { AvailabilityClient, availabilityApiRef } from './api';
export type { AvailabilityApi, AvailabilityClientOptions } from './api';
export { LevelChip } from './components/LevelChip';
export { EntityAvailabilityChip } from './components/EntityAvailabilityChip';
export type { EntityAvailabilityChipProps } from './components/EntityAvailabilityChip';
export { useEntityAvailability } from './hooks/useEntityAvailability';
export type { EntityAvailabilityState } from './hooks/useEntityAvailability';
export type { LevelChipProps } from './components/LevelChip';
export type { EntityAvailabilityCardProps } from './components/EntityAvailabilityCard';
export type { AvailabilityPageProps } from './components/AvailabilityPage';
