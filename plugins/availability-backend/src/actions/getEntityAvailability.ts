import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { availabilityReadPermission } from '@availability-backstage/plugin-availability-common';
import { AvailabilityService } from '../service/AvailabilityService';
import { failingChecksWorstFirst } from '../service/failingChecks';
import { requirePermission } from '../service/requirePermission';
import { failingCheckSchema, levelSchema } from './schemas';

function parseRef(value: string) {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`Invalid entity ref "${value}": ${error}`);
  }
}

/** `availability:get-entity-availability`: one entity's stored report. */
export function registerGetEntityAvailabilityAction(options: {
  actionsRegistry: ActionsRegistryService;
  service: AvailabilityService;
  permissions: PermissionsService;
}) {
  const { actionsRegistry, service, permissions } = options;

  const read = async (entityRef: string, credentials: BackstageCredentials) => {
    await requirePermission({
      permissions,
      permission: availabilityReadPermission,
      credentials,
    });
    // As on GET /entities/...: the service answers not found for an entity
    // the caller cannot see in the catalog.
    return service.getEntityReport(entityRef, { credentials });
  };

  actionsRegistry.register({
    name: 'get-entity-availability',
    title: 'Get entity availability',
    description: `The stored availability report of a catalog entity's Kubernetes workloads: score (0-100), level (gold, silver, bronze, none), how each cluster answered the last refresh, whether the report is stale, and every failing check with its message, severity and remediation, most severe first.
A null score and level mean no refresh has succeeded yet (or nothing in the report counts towards a score).
Use it to answer "is this service highly available, and what should I fix?".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .max(600)
            .describe(
              'Entity ref, e.g. component:default/checkout-api; kind defaults to component and namespace to default',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          score: z.number().nullable(),
          level: levelSchema(z).nullable(),
          refreshedAt: z
            .string()
            .nullable()
            .describe('When the report was taken (ISO 8601)'),
          stale: z
            .boolean()
            .describe(
              'True when the last refresh failed and the report is older',
            ),
          lastError: z
            .object({ message: z.string(), at: z.string() })
            .nullable(),
          clusters: z.array(
            z.object({
              cluster: z.string(),
              status: z.enum(['ok', 'error']),
              message: z.string().optional(),
            }),
          ),
          failingChecks: z.array(failingCheckSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const stored = await read(parseRef(input.entityRef), credentials);
      return {
        output: {
          entityRef: stored.entityRef,
          score: stored.report?.score ?? null,
          level: stored.report?.level ?? null,
          refreshedAt: stored.refreshedAt,
          stale: stored.stale,
          lastError: stored.lastError,
          clusters: stored.clusters,
          failingChecks: stored.report
            ? failingChecksWorstFirst(stored.report)
            : [],
        },
      };
    },
  });
}
