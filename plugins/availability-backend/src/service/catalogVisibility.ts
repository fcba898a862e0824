import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * What the caller may see of the catalog decides what they may see of its
 * reports: an entity hidden from them is reported as absent, never as denied,
 * so that its existence does not leak.
 */

/** The entity as the caller sees it; `NotFoundError` when hidden or absent. */
export async function requireVisibleEntity(options: {
  catalog: CatalogService;
  entityRef: string;
  credentials: BackstageCredentials;
}): Promise<Entity> {
  const { catalog, entityRef, credentials } = options;
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  return entity;
}
