import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AvailabilityService } from '../service/AvailabilityService';
import { registerEvaluateManifestsAction } from './evaluateManifests';
import { registerGetEntityAvailabilityAction } from './getEntityAvailability';
import { registerListAvailabilityAction } from './listAvailability';

/**
 * Registers the plugin's read-only actions (`availability:*`), which MCP
 * clients reach through the mcp-actions backend.
 */
export function registerAvailabilityActions(options: {
  actionsRegistry: ActionsRegistryService;
  service: AvailabilityService;
  permissions: PermissionsService;
  evaluateMaxBodySize: string | number;
}) {
  registerGetEntityAvailabilityAction(options);
  registerEvaluateManifestsAction({
    ...options,
    maxSize: options.evaluateMaxBodySize,
  });
  registerListAvailabilityAction(options);
}
