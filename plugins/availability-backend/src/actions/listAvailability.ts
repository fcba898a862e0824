import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { availabilityReadPermission } from '@availability-backstage/plugin-availability-common';
import { AvailabilityService } from '../service/AvailabilityService';
import { requirePermission } from '../service/requirePermission';
import { levelSchema } from './schemas';

/** `availability:list-availability`: the org view's list, filtered and paged. */
export function registerListAvailabilityAction(options: {
  actionsRegistry: ActionsRegistryService;
  service: AvailabilityService;
  permissions: PermissionsService;
}) {
  const { actionsRegistry, service, permissions } = options;

  actionsRegistry.register({
    name: 'list-availability',
    title: 'List availability',
    description: `Lists the catalog entities that have an availability report, with score, level and failing check ids, worst score first unless ordered otherwise.
Filter by owner (e.g. group:default/team-a or team-a), system, kind, level and failing check id; several values of one filter match any of them, different filters all apply.
For "which of team X's services are not gold?", pass owner and level silver, bronze and none.
Pass nextCursor back as cursor for the next page.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z.array(z.string().min(1)).optional(),
          system: z.array(z.string().min(1)).optional(),
          kind: z.array(z.string().min(1)).optional(),
          level: z.array(levelSchema(z)).optional(),
          failingCheck: z
            .array(z.string().min(1))
            .optional()
            .describe('Check ids, e.g. pdb-present'),
          text: z
            .string()
            .max(200)
            .optional()
            .describe('Part of the entity name or title'),
          orderBy: z.enum(['score', 'name']).optional(),
          order: z.enum(['asc', 'desc']).optional(),
          limit: z.number().int().min(1).max(100).optional(),
          cursor: z.string().min(1).max(2000).optional(),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              owner: z.string().optional(),
              system: z.string().optional(),
              score: z.number().nullable(),
              level: levelSchema(z).nullable(),
              failingChecks: z.array(z.string()),
              refreshedAt: z.string(),
              stale: z.boolean(),
            }),
          ),
          totalItems: z
            .number()
            .describe('Entities matching the filters, before paging'),
          nextCursor: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission({
        permissions,
        permission: availabilityReadPermission,
        credentials,
      });
      // The service leaves out what the catalog hides from the caller.
      const page = await service.listReports(
        { ...input, limit: input.limit ?? 25 },
        { credentials },
      );
      return {
        output: {
          items: page.items.map(item => ({
            entityRef: item.entityRef,
            title: item.title,
            owner: item.owner,
            system: item.system,
            score: item.score,
            level: item.level,
            failingChecks: item.failingChecks,
            refreshedAt: item.refreshedAt,
            stale: item.stale,
          })),
          totalItems: page.totalItems,
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        },
      };
    },
  });
}
