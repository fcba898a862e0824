import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { availabilityReadPermission } from '@availability-backstage/plugin-availability-common';
import { AvailabilityService } from '../service/AvailabilityService';
import { failingChecksWorstFirst } from '../service/failingChecks';
import { requirePermission } from '../service/requirePermission';
import { failingCheckSchema, levelSchema } from './schemas';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
};

/** Bytes of a size as `availability.evaluate.maxBodySize` gives it (`4mb`, 2048), read as the body parser reads it. */
export function sizeInBytes(size: string | number): number {
  if (typeof size === 'number') {
    return size;
  }
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(size.trim());
  if (!match) {
    throw new Error(`Invalid size ${size}`);
  }
  return Math.floor(
    Number(match[1]) * UNITS[(match[2] ?? 'b').toLocaleLowerCase('en-US')],
  );
}

/** `availability:evaluate-manifests`: a report of manifests, as `POST /evaluate` gives. */
export function registerEvaluateManifestsAction(options: {
  actionsRegistry: ActionsRegistryService;
  service: AvailabilityService;
  permissions: PermissionsService;
  /** The limit of `POST /evaluate`, which applies here too. */
  maxSize: string | number;
}) {
  const { actionsRegistry, service, permissions } = options;
  const maxBytes = sizeInBytes(options.maxSize);

  actionsRegistry.register({
    name: 'evaluate-manifests',
    title: 'Evaluate Kubernetes manifests',
    description: `Scores Kubernetes manifests (YAML, several documents allowed, or JSON) with the availability checks, without deploying them: score (0-100), level, each workload's score and level, every failing check with its remediation (most severe first), and the documents that could not be read.
Checks that need a live cluster (runtime checks) are not applicable to manifests.
At most ${maxBytes} bytes of manifests.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          manifests: z
            .string()
            .min(1)
            .describe('Kubernetes manifests as YAML or JSON text'),
        }),
      output: z =>
        z.object({
          score: z.number().nullable(),
          level: levelSchema(z).nullable(),
          workloads: z.array(
            z.object({
              kind: z.string(),
              namespace: z.string(),
              name: z.string(),
              score: z.number().nullable(),
              level: levelSchema(z).nullable(),
            }),
          ),
          failingChecks: z.array(failingCheckSchema(z)),
          errors: z.array(
            z.object({
              source: z.string(),
              message: z.string(),
              line: z.number().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission({
        permissions,
        permission: availabilityReadPermission,
        credentials,
      });
      const size = Buffer.byteLength(input.manifests, 'utf8');
      if (size > maxBytes) {
        throw new InputError(
          `The manifests are ${size} bytes, more than the ${maxBytes} allowed`,
        );
      }
      const report = service.evaluateManifests(input.manifests, 'manifests');
      return {
        output: {
          score: report.score,
          level: report.level,
          workloads: report.workloads.map(w => ({
            kind: w.kind,
            namespace: w.namespace,
            name: w.name,
            score: w.score,
            level: w.level,
          })),
          failingChecks: failingChecksWorstFirst(report),
          errors: report.errors,
        },
      };
    },
  });
}
