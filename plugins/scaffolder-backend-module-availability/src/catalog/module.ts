import {
  coreServices,
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { BundledTemplatesProvider } from './BundledTemplatesProvider';
import { readBundledTemplates } from './readBundledTemplates';
import { readBundledTemplatesConfig } from '../config';

/**
 * Registers the software templates shipped in this package
 * (`ha-node-service`, `ha-stateful-service`) in the catalog, read from the
 * installed package. `catalog.providers.availabilityTemplates.enabled: false` turns it off;
 * `catalog.providers.availabilityTemplates.owner` sets their owner.
 *
 * @public
 */
export const catalogModuleAvailabilityTemplates = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'availability-templates',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        const settings = readBundledTemplatesConfig(config);
        if (!settings.enabled) {
          logger.info('Bundled availability templates are turned off');
          return;
        }
        const directory = resolvePackagePath(
          '@availability-backstage/plugin-scaffolder-backend-module-availability',
          'templates',
        );
        const templates = await readBundledTemplates({
          directory,
          owner: settings.owner,
        });
        catalog.addEntityProvider(new BundledTemplatesProvider({ templates }));
        logger.info(
          `Registering ${templates.length} bundled availability templates from ${directory}`,
        );
      },
    });
  },
});
