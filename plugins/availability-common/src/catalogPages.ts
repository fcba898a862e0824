/*
 * Paging through a catalog query to its end. Typed by shape rather than by
 * the catalog client, so that this isomorphic package imports no catalog
 * code: a catalog service's `queryEntities` fits as it is.
 */

/**
 * The fields an entity ref is made of: a query for refs asks for these only.
 *
 * @public
 */
export const ENTITY_REF_FIELDS: readonly string[] = [
  'kind',
  'metadata.namespace',
  'metadata.name',
];

/**
 * A request of {@link queryAllPages}: the first page carries the filter, the
 * later ones the cursor; every page the fields (when some are asked for) and
 * the page size.
 *
 * @public
 */
export type CatalogPageRequest<TFilter> =
  | { filter?: TFilter; fields?: string[]; limit: number }
  | { cursor: string; fields?: string[]; limit: number };

/**
 * Every item of a cursor-paged catalog query, following `nextCursor` from the
 * first page to the last.
 *
 * @public
 */
export async function queryAllPages<TFilter, TItem>(
  queryPage: (
    request: CatalogPageRequest<TFilter>,
  ) => Promise<{ items: TItem[]; pageInfo: { nextCursor?: string } }>,
  options: { filter?: TFilter; fields?: readonly string[]; limit: number },
): Promise<TItem[]> {
  const { filter, limit } = options;
  // Whole entities unless fields are named.
  const fields = options.fields ? { fields: [...options.fields] } : {};
  const items: TItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(
      cursor ? { cursor, ...fields, limit } : { filter, ...fields, limit },
    );
    items.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return items;
}
