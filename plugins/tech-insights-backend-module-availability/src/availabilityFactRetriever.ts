import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENTITY_REF_FIELDS,
  queryAllPages,
  type EntityReportResponse,
  type ReportsPage,
} from '@availability-backstage/plugin-availability-common';
import {
  availabilityFacts,
  availabilityFactsSchema,
  AVAILABILITY_FACTS_VERSION,
} from './availabilityFacts';

/**
 * The id of the availability fact retriever, which checks name in `factIds`.
 *
 * @public
 */
export const AVAILABILITY_FACT_RETRIEVER_ID = 'availability-fact-retriever';

/** Entity reports read at once. */
const CONCURRENCY = 4;
const PAGE_SIZE = 500;

/**
 * Options of {@link createAvailabilityFactRetriever}.
 *
 * @public
 */
export interface AvailabilityFactRetrieverOptions {
  catalog: CatalogService;
  /** Catalog filter of the entities to give facts; default every entity with a report. */
  entityFilter?: FactRetriever['entityFilter'];
}

/** Reads the availability backend's REST API as the tech-insights plugin. */
async function availabilityApi(ctx: {
  auth: AuthService;
  discovery: DiscoveryService;
}) {
  const baseUrl = await ctx.discovery.getBaseUrl('availability');
  const { token } = await ctx.auth.getPluginRequestToken({
    onBehalfOf: await ctx.auth.getOwnServiceCredentials(),
    targetPluginId: 'availability',
  });
  return async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  };
}

async function filteredEntityRefs(
  catalog: CatalogService,
  ctx: FactRetrieverContext,
): Promise<Set<string>> {
  const credentials = await ctx.auth.getOwnServiceCredentials();
  const entities = await queryAllPages(
    request => catalog.queryEntities(request, { credentials }),
    { filter: ctx.entityFilter, fields: ENTITY_REF_FIELDS, limit: PAGE_SIZE },
  );
  return new Set(
    entities.map(entity =>
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    ),
  );
}

/**
 * A Tech Insights fact retriever of the availability reports: per entity
 * with a report, its score, level, failing checks, failing checks counted by
 * severity, staleness and time.
 *
 * @public
 */
export function createAvailabilityFactRetriever(
  options: AvailabilityFactRetrieverOptions,
): FactRetriever {
  return {
    id: AVAILABILITY_FACT_RETRIEVER_ID,
    version: AVAILABILITY_FACTS_VERSION,
    title: 'Availability',
    description:
      'Availability score, level and failing checks of the Kubernetes workloads of each entity',
    schema: availabilityFactsSchema,
    entityFilter: options.entityFilter,
    async handler(ctx) {
      const get = await availabilityApi(ctx);
      const reportRefs: string[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({
          limit: String(PAGE_SIZE),
          orderBy: 'name',
        });
        if (cursor) query.set('cursor', cursor);
        const page = await get<ReportsPage>(`/reports?${query}`);
        reportRefs.push(...page.items.map(item => item.entityRef));
        cursor = page.nextCursor;
      } while (cursor);

      const wanted = ctx.entityFilter
        ? await filteredEntityRefs(options.catalog, ctx)
        : undefined;
      const refs = wanted
        ? reportRefs.filter(ref => wanted.has(ref))
        : reportRefs;

      const facts: TechInsightFact[] = [];
      const queue = [...refs];
      const worker = async () => {
        for (let ref = queue.shift(); ref; ref = queue.shift()) {
          const entity = parseEntityRef(ref);
          const response = await get<EntityReportResponse>(
            `/entities/${[entity.kind, entity.namespace, entity.name]
              .map(encodeURIComponent)
              .join('/')}`,
          );
          const values = availabilityFacts(response);
          if (values) {
            facts.push({ entity, facts: values });
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      ctx.logger.info(
        `Availability facts of ${facts.length} of ${reportRefs.length} entities with a report`,
      );
      return facts;
    },
  };
}
