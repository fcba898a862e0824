import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { isError } from '@backstage/errors';
import {
  EXIT_USAGE,
  runCheck,
  type CheckIo,
  type OutputFormat,
} from './commands/check';
import {
  LEVELS,
  type Level,
} from '@availability-backstage/plugin-availability-common';

/** Levels a `--min-level` may ask for, lowest first (none is always met). */
const MIN_LEVELS = LEVELS.filter(level => level !== 'none').reverse();

function parseScore(value: string): number {
  const score = Number(value);
  if (!/^\d+$/.test(value.trim()) || score > 100) {
    throw new InvalidArgumentError('Expected an integer from 0 to 100.');
  }
  return score;
}

function createProgram(options: {
  version: string;
  io: CheckIo;
  setExitCode: (code: number) => void;
}): Command {
  const { version, io } = options;
  const program = new Command('availability')
    .description(
      'Check Kubernetes manifests and Dockerfiles against the availability best practices.',
    )
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    });

  program
    .command('check')
    .description(
      'Evaluate manifests (YAML, JSON, Lists) and Dockerfiles. Directories are read recursively; `-` reads standard input.',
    )
    .argument('<inputs...>', 'files, directories, or - for standard input')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'json', 'sarif'])
        .default('text'),
    )
    .addOption(
      new Option(
        '--min-score <score>',
        'exit 1 when the overall score is below this (0-100)',
      ).argParser(parseScore),
    )
    .addOption(
      new Option(
        '--min-level <level>',
        'exit 1 when the overall level is below this',
      ).choices(MIN_LEVELS),
    )
    .option(
      '--allow-empty',
      'exit 0 when nothing was judged (no workloads, Services, autoscalers or Dockerfiles found, or no check passed or failed) instead of 2',
    )
    .option(
      '-c, --config <file>',
      'YAML or JSON with the `availability:` block of app-config (overrides, thresholds, exemptions)',
    )
    .addHelpText(
      'after',
      `
Exit codes:
  0  evaluated, thresholds met
  1  a threshold (--min-score, --min-level) is not met
  2  usage error, an input could not be read (the rest is still reported),
     or nothing was judged (no score) and --allow-empty is not given

Examples:
  $ availability check k8s/
  $ availability check --format sarif --min-level silver k8s/ Dockerfile > availability.sarif
  $ helm template chart/ | availability check --format json -`,
    )
    .action(
      (
        inputs: string[],
        flags: {
          format: OutputFormat;
          minScore?: number;
          minLevel?: Level;
          config?: string;
          allowEmpty?: boolean;
        },
      ) => {
        options.setExitCode(
          runCheck(
            {
              inputs,
              format: flags.format,
              minScore: flags.minScore,
              minLevel: flags.minLevel,
              config: flags.config,
              allowEmpty: flags.allowEmpty,
              version,
            },
            io,
          ),
        );
      },
    );
  return program;
}

/**
 * Runs the CLI on `argv` (as in `process.argv`) and returns its exit code:
 * 0 ok, 1 threshold not met, 2 usage error or unreadable input.
 */
export function main(argv: string[], version: string, io: CheckIo): number {
  let exitCode = 0;
  const program = createProgram({
    version,
    io,
    setExitCode: code => {
      exitCode = code;
    },
  });
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message or the help already.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    io.stderr.write(
      `error: ${isError(error) ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }
  return exitCode;
}
