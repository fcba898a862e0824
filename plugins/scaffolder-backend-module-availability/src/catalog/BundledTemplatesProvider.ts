import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';

/**
 * Provides the templates shipped in this package to the catalog. They change
 * only with the package, so one full mutation at startup is all it takes.
 *
 * @internal
 */
export class BundledTemplatesProvider implements EntityProvider {
  readonly #templates: Entity[];

  constructor(options: { templates: Entity[] }) {
    this.#templates = options.templates;
  }

  getProviderName(): string {
    return 'availability-templates';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await connection.applyMutation({
      type: 'full',
      entities: this.#templates.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
  }
}
