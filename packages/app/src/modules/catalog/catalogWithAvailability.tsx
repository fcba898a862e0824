import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  CatalogTable,
  CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import catalogPlugin, {
  CatalogIndexPage,
} from '@backstage/plugin-catalog/alpha';
import { EntityAvailabilityChip } from '@availability-backstage/plugin-availability';

/**
 * The catalog's default columns, plus Availability (level and score) on the
 * component table. The chips of a table page share one request.
 */
const columns: CatalogTableColumnsFunc = context => {
  const defaults = CatalogTable.defaultColumnsFunc(context);
  if (context.filters.kind?.value.toLocaleLowerCase('en-US') !== 'component') {
    return defaults;
  }
  return [
    ...defaults,
    {
      title: 'Availability',
      sorting: false,
      render: ({ entity }) => (
        <EntityAvailabilityChip
          entityRef={{
            kind: entity.kind,
            namespace: entity.metadata.namespace ?? 'default',
            name: entity.metadata.name,
          }}
        />
      ),
    },
  ];
};

/** The catalog plugin whose index page has the Availability column. */
export const catalogWithAvailability = catalogPlugin.withOverrides({
  extensions: [
    catalogPlugin.getExtension('page:catalog').override({
      factory(originalFactory, { inputs, config }) {
        return originalFactory({
          params: {
            loader: async () => (
              <CatalogIndexPage
                filters={
                  <>
                    {inputs.filters.map(filter =>
                      filter.get(coreExtensionData.reactElement),
                    )}
                  </>
                }
                pagination={config.pagination}
                columns={columns}
              />
            ),
          },
        });
      },
    }),
  ],
});
