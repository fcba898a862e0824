import type { Config } from '@backstage/config';
import {
  engineConfigOf,
  validateAvailabilityConfig,
  type AvailabilityConfig,
} from '@availability-backstage/plugin-availability-common';

/**
 * Reads the `availability` block of app-config (check overrides, thresholds,
 * exemptions), so scaffolded manifests are judged as the portal judges them.
 * The backend's keys of the same block are the backend's to validate.
 * Throws an `InputError` at startup when the block is malformed.
 *
 * @internal
 */
export function readAvailabilityConfig(
  config: Config,
): AvailabilityConfig | undefined {
  const block = config.getOptional('availability');
  return block === undefined
    ? undefined
    : validateAvailabilityConfig(engineConfigOf(block));
}
