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

/**
 * How the bundled templates are registered, from `catalog.providers.availabilityTemplates`.
 *
 * @internal
 */
export interface BundledTemplatesConfig {
  /** Whether the catalog gets the bundled templates; default true. */
  enabled: boolean;
  /** Replaces the templates' `spec.owner` when set. */
  owner?: string;
}

/**
 * Reads `catalog.providers.availabilityTemplates`; a wrong type stops the backend at startup
 * with the key's path.
 *
 * @internal
 */
export function readBundledTemplatesConfig(
  config: Config,
): BundledTemplatesConfig {
  return {
    enabled:
      config.getOptionalBoolean(
        'catalog.providers.availabilityTemplates.enabled',
      ) ?? true,
    owner: config.getOptionalString(
      'catalog.providers.availabilityTemplates.owner',
    ),
  };
}
