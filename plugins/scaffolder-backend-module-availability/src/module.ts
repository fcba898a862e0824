import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readAvailabilityConfig } from './config';
import { createAvailabilityValidateAction } from './actions';

/**
 * Adds the `availability:validate` action to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleAvailability = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'availability',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createAvailabilityValidateAction({
            config: readAvailabilityConfig(config),
          }),
        );
      },
    });
  },
});
