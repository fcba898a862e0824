import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read availability reports (entity reports, the org-wide list and summary).
 *
 * @public
 */
export const availabilityReadPermission = createPermission({
  name: 'availability.report.read',
  attributes: { action: 'read' },
});

/**
 * Trigger an on-demand refresh of an entity's report.
 *
 * @public
 */
export const availabilityRefreshPermission = createPermission({
  name: 'availability.report.refresh',
  attributes: { action: 'update' },
});

/** @public */
export const availabilityPermissions = [
  availabilityReadPermission,
  availabilityRefreshPermission,
];
