import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import {
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  checkCatalog,
  evaluate,
  kustomizationWarnings,
  LEVELS,
  meetsLevel,
  type AvailabilityConfig,
  type AvailabilityReport,
  type Level,
} from '@availability-backstage/plugin-availability-common';
import { collectWorkspaceInputs } from './workspaceInputs';
import { examples } from './validate.examples';
import { findFailOnViolations, formatSummary } from './summary';

/**
 * Options for {@link createAvailabilityValidateAction}.
 *
 * @public
 */
export interface AvailabilityValidateActionOptions {
  /**
   * The `availability` block of app-config: check overrides, thresholds and
   * platform-wide exemptions apply to scaffolded manifests as they do in the
   * portal.
   */
  config?: AvailabilityConfig;
}

/**
 * Input of the `availability:validate` action.
 *
 * @public
 */
export type AvailabilityValidateInput = {
  /** A directory or file of the workspace; the whole workspace by default. */
  path?: string;
  /** The lowest acceptable level; gold by default. */
  minLevel?: Level;
  /** Check ids that must not fail on any object, whatever the level. */
  failOn?: string[];
};

/**
 * Output of the `availability:validate` action.
 *
 * @public
 */
export type AvailabilityValidateOutput = {
  /** Null when nothing was judged (the action then fails). */
  score: number | null;
  level: Level | null;
  /** The full report, as the CLI prints it with `--format json`. */
  report: Record<string, any>;
};

/**
 * Creates the `availability:validate` scaffolder action: it evaluates the
 * Kubernetes manifests and Dockerfiles of the task workspace (or a path in it)
 * with the availability rules and fails the task when they do not reach the
 * required level, or when a check listed in `failOn` fails.
 *
 * @public
 */
export function createAvailabilityValidateAction(
  options: AvailabilityValidateActionOptions = {},
): TemplateAction<AvailabilityValidateInput, AvailabilityValidateOutput, 'v2'> {
  return createTemplateAction({
    id: 'availability:validate',
    description:
      'Checks the Kubernetes manifests (.yaml, .yml, .json) and Dockerfiles in the workspace against the availability rules, and fails when they do not reach the required level.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'A directory or file inside the workspace to check. Defaults to the whole workspace.',
            ),
        minLevel: z =>
          z
            .enum(LEVELS)
            .optional()
            .describe('The lowest acceptable level. Defaults to gold.'),
        failOn: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Check ids that must not fail on any object, whatever the level.',
            ),
      },
      output: {
        score: z =>
          z
            .number()
            .nullable()
            .describe('The score, 0 to 100; null when nothing was judged'),
        level: z =>
          z
            .enum(LEVELS)
            .nullable()
            .describe(
              'gold, silver, bronze or none; null when nothing was judged',
            ),
        report: z =>
          z
            .record(z.string(), z.any())
            .describe('The full report (the JSON the CLI prints)'),
      },
    },
    async handler(ctx) {
      const minLevel: Level = ctx.input.minLevel ?? 'gold';
      const failOn = ctx.input.failOn ?? [];
      // A misspelt id in failOn would otherwise never match and never fail.
      const unknownIds = failOn.filter(
        id => !checkCatalog.some(check => check.id === id),
      );
      if (unknownIds.length > 0) {
        throw new InputError(
          `failOn names unknown check id(s): ${unknownIds.join(
            ', ',
          )}. Known ids: ${checkCatalog.map(check => check.id).join(', ')}`,
        );
      }
      if (ctx.input.path?.includes('\0')) {
        // No file system takes it; say so rather than let fs throw.
        throw new InputError('path must not contain a NUL character');
      }
      // Throws NotAllowedError when the path escapes the workspace.
      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );

      const inputs = collectWorkspaceInputs({
        root: ctx.workspacePath,
        target,
      });
      ctx.logger.info(
        `Checking ${inputs.files.length} file(s): ${inputs.files.join(', ')}`,
      );

      const evaluated = evaluate(inputs.objects, {
        config: options.config,
        dockerfiles: inputs.dockerfiles,
      });
      const report: AvailabilityReport = {
        ...evaluated,
        errors: [...inputs.errors, ...evaluated.errors],
        warnings: [
          ...kustomizationWarnings(inputs.kustomizations),
          ...(evaluated.warnings ?? []),
        ],
      };
      const violations = findFailOnViolations(report, failOn);
      const summary = formatSummary({ report, minLevel, violations });
      ctx.logger.info(summary);

      ctx.output('score', report.score);
      ctx.output('level', report.level);
      ctx.output('report', report as unknown as JsonObject);

      const problems: string[] = [];
      if (report.errors.length > 0) {
        problems.push(`${report.errors.length} input(s) could not be read`);
      }
      if (report.workloads.length === 0) {
        // A gate that checked nothing would pass silently on a wrong path.
        problems.push(
          `no Kubernetes workloads, Services or Dockerfiles found under ${
            ctx.input.path ?? '.'
          }`,
        );
      } else if (report.level === null) {
        problems.push(
          'no check passed or failed (every check is exempt, not applicable or unknown), so there is no score',
        );
      } else if (!meetsLevel(report.level, minLevel)) {
        problems.push(
          `level ${report.level} (score ${report.score}) is below the required ${minLevel}`,
        );
      }
      if (violations.length > 0) {
        problems.push(
          `${violations.length} check(s) listed in failOn fail (${[
            ...new Set(violations.map(v => v.id)),
          ].join(', ')})`,
        );
      }
      if (problems.length > 0) {
        throw new InputError(
          `Availability validation failed: ${problems.join('; ')}.\n${summary}`,
        );
      }
    },
  });
}
