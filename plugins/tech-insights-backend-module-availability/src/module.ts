import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createAvailabilityFactRetriever } from './availabilityFactRetriever';

/**
 * Adds the availability fact retriever to Tech Insights, under the key
 * `availabilityFactRetriever` of `techInsights.factRetrievers` (which must
 * give it a `cadence` for it to run).
 *
 * @public
 */
export const techInsightsModuleAvailability = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'availability',
  register(reg) {
    reg.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ retrievers, catalog }) {
        retrievers.addFactRetrievers({
          availabilityFactRetriever: createAvailabilityFactRetriever({
            catalog,
          }),
        });
      },
    });
  },
});
