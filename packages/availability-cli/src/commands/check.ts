import {
  checkCatalog,
  evaluate,
  kustomizationWarnings,
} from '@availability-backstage/plugin-availability-common';
import type {
  AvailabilityReport,
  Level,
} from '@availability-backstage/plugin-availability-common';
import { loadConfig } from '../inputs/loadConfig';
import { readInputs } from '../inputs/readInputs';
import { createColors, shouldUseColor } from '../format/colors';
import { formatText } from '../format/formatText';
import { formatSarif } from '../format/formatSarif';
import { unmetThresholds } from './thresholds';

/** Exit codes: documented in the README, relied upon by CI scripts. */
export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;
export const EXIT_USAGE = 2;

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  inputs: string[];
  format: OutputFormat;
  minScore?: number;
  minLevel?: Level;
  config?: string;
  /** Exit 0 on inputs where nothing was judged, instead of 2. */
  allowEmpty?: boolean;
  version: string;
}

/** Where the command writes and reads; injected so it stays testable. */
export interface CheckIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin: () => string;
}

/** Progress only when someone is watching and there is enough to wait for. */
const PROGRESS_MIN_FILES = 200;

function nothingJudged(report: AvailabilityReport): string {
  return report.workloads.length === 0
    ? 'no workloads, Services, autoscalers or Dockerfiles found in the inputs'
    : 'no check passed or failed on the inputs (every check is exempt, not applicable or unknown), so there is no score';
}

/** Runs `availability check` and returns the exit code. */
export function runCheck(options: CheckOptions, io: CheckIo): number {
  // Without --config the engine applies the defaults (the kube-system
  // waiver); a config's own `exemptions` replace them, as in app-config.
  const config = options.config
    ? loadConfig(options.config, io.cwd)
    : undefined;
  const progress = (message: string) => {
    if (io.stderr.isTTY) {
      io.stderr.write(`${message}\n`);
    }
  };

  const inputs = readInputs({
    args: options.inputs,
    cwd: io.cwd,
    readStdin: io.readStdin,
    onFilesFound: count => {
      if (count >= PROGRESS_MIN_FILES) {
        progress(`Reading ${count} files…`);
      }
    },
  });
  if (inputs.fileCount >= PROGRESS_MIN_FILES) {
    progress(
      `Evaluating ${inputs.objects.length} objects and ${inputs.dockerfiles.length} Dockerfiles…`,
    );
  }

  const evaluated = evaluate(inputs.objects, {
    config,
    dockerfiles: inputs.dockerfiles,
  });
  const report = {
    ...evaluated,
    errors: [...inputs.errors, ...evaluated.errors],
    warnings: [
      ...kustomizationWarnings(inputs.kustomizations),
      ...(evaluated.warnings ?? []),
    ],
  };

  // Indented for a person at a terminal; compact for tools, where a large
  // report is a third smaller and quicker to write.
  const indent = io.stdout.isTTY ? 2 : undefined;
  switch (options.format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(report, null, indent)}\n`);
      break;
    case 'sarif':
      io.stdout.write(
        `${JSON.stringify(
          formatSarif({
            report,
            catalog: checkCatalog,
            version: options.version,
            cwd: io.cwd,
            sources: inputs,
          }),
          null,
          indent,
        )}\n`,
      );
      break;
    default:
      io.stdout.write(
        formatText(report, createColors(shouldUseColor(io.stdout, io.env))),
      );
  }

  if (report.errors.length > 0) {
    // Name each input: in a CI log stderr is often all a person reads.
    io.stderr.write(
      `error: ${report.errors.length} ${
        report.errors.length === 1 ? 'input' : 'inputs'
      } could not be read:\n${report.errors
        .map(e => `  ${e.source}: ${e.message}\n`)
        .join('')}`,
    );
    return EXIT_USAGE;
  }
  if (report.score === null) {
    // A typo in a CI path must not pass the gate: nothing judged is no pass.
    io.stderr.write(
      `${options.allowEmpty ? 'warning' : 'error'}: ${nothingJudged(report)}${
        options.allowEmpty ? '' : ' (pass --allow-empty to accept this)'
      }\n`,
    );
    return options.allowEmpty ? EXIT_OK : EXIT_USAGE;
  }
  const unmet = unmetThresholds(report, {
    minScore: options.minScore,
    minLevel: options.minLevel,
  });
  if (unmet.length > 0) {
    for (const reason of unmet) {
      io.stderr.write(`threshold not met: ${reason}\n`);
    }
    return EXIT_THRESHOLD;
  }
  return EXIT_OK;
}
