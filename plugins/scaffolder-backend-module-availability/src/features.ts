import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { scaffolderModuleAvailability } from './module';
import { catalogModuleAvailabilityTemplates } from './catalog/module';

/**
 * What `backend.add(import('…-scaffolder-backend-module-availability'))`
 * installs: the `availability:validate` action and the bundled templates in
 * the catalog.
 *
 * @public
 */
export const availabilityScaffolderFeatures = createBackendFeatureLoader({
  *loader() {
    yield scaffolderModuleAvailability;
    yield catalogModuleAvailabilityTemplates;
  },
});
