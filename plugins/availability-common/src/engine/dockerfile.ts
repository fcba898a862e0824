/*
 * A small Dockerfile reader: enough structure for the Dockerfile checks
 * (stages, FROM with aliases, USER, HEALTHCHECK, COPY --from), following the
 * BuildKit grammar for parser directives, line continuations, comments and
 * heredocs. It never throws; what it cannot read it leaves out.
 */

import type { CheckOutcome } from './model';
import { fail } from './outcomes';

/** @internal */
export interface DockerfileInstruction {
  /** Upper-cased, e.g. `COPY`. */
  keyword: string;
  /** Everything after the flags, continuations joined. */
  args: string;
  /** `--from=build` reads as `{ from: 'build' }`. */
  flags: Record<string, string>;
  /** 1-based line where the instruction starts. */
  line: number;
}

/** @internal */
export interface DockerfileStage {
  index: number;
  /** The image as written in `FROM`. */
  image: string;
  /** The image with build args (ARG defaults before the first FROM) substituted. */
  resolvedImage: string;
  alias?: string;
  /** `FROM --platform=linux/amd64` reads as `{ platform: 'linux/amd64' }`. */
  flags: Record<string, string>;
  line: number;
  instructions: DockerfileInstruction[];
}

/** @internal */
export interface ParsedDockerfile {
  stages: DockerfileStage[];
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
}

/** @internal */
export function parseDockerfile(content: string): ParsedDockerfile {
  const instructions = readInstructions(
    typeof content === 'string' ? content : '',
  );
  const stages: DockerfileStage[] = [];
  const globalArgs: Record<string, string | undefined> = {};
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, alias] = instruction.args.split(/\s+/);
      stages.push({
        index: stages.length,
        image,
        resolvedImage: substitute(image, globalArgs),
        alias:
          as?.toUpperCase() === 'AS' && alias ? alias.toLowerCase() : undefined,
        flags: instruction.flags,
        line: instruction.line,
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      for (const declaration of instruction.args.split(/\s+/).filter(Boolean)) {
        const eq = declaration.indexOf('=');
        if (eq === -1) {
          globalArgs[declaration] = undefined;
        } else {
          globalArgs[declaration.slice(0, eq)] = unquote(
            declaration.slice(eq + 1),
          );
        }
      }
    }
  }
  return { stages, globalArgs };
}

/**
 * The stage a `FROM` or `COPY --from` reference names: an earlier stage's
 * alias (case-insensitive) or index.
 *
 * @internal
 */
export function findStage(
  dockerfile: ParsedDockerfile,
  reference: string,
  before: number,
): DockerfileStage | undefined {
  const lower = reference.toLowerCase();
  const earlier = dockerfile.stages.slice(0, before);
  if (/^\d+$/.test(reference)) {
    return earlier[Number(reference)];
  }
  return earlier.find(stage => stage.alias === lower);
}

/**
 * The chain of stages the given stage builds on (itself first), following
 * `FROM <earlier stage>`.
 *
 * @internal
 */
export function stageLineage(
  dockerfile: ParsedDockerfile,
  stage: DockerfileStage,
): DockerfileStage[] {
  const chain = [stage];
  let current = stage;
  for (;;) {
    const parent = findStage(dockerfile, current.resolvedImage, current.index);
    if (!parent) {
      return chain;
    }
    chain.push(parent);
    current = parent;
  }
}

/**
 * The image a stage finally builds on: its own, or that of the earliest
 * stage of its lineage.
 *
 * @internal
 */
export function stageBase(
  dockerfile: ParsedDockerfile,
  stage: DockerfileStage,
): string {
  const lineage = stageLineage(dockerfile, stage);
  return lineage[lineage.length - 1].resolvedImage;
}

/**
 * An instruction as it could be written again (flags first, continuations
 * joined).
 *
 * @internal
 */
export function instructionText(instruction: DockerfileInstruction): string {
  const flags = Object.entries(instruction.flags).map(([name, value]) =>
    value ? `--${name}=${value}` : `--${name}`,
  );
  return [instruction.keyword, ...flags, instruction.args].join(' ');
}

/**
 * A stage's `FROM` line with another image (and alias), keeping its flags.
 *
 * @internal
 */
export function fromLine(
  stage: DockerfileStage,
  image: string,
  alias = stage.alias,
): string {
  const flags = Object.entries(stage.flags).map(
    ([name, value]) => `--${name}=${value} `,
  );
  return `FROM ${flags.join('')}${image}${alias ? ` AS ${alias}` : ''}`;
}

function readInstructions(content: string): DockerfileInstruction[] {
  const lines = content.split(/\r?\n/);
  let escape = '\\';
  let i = 0;
  // Parser directives: `# name=value` comments before anything else.
  for (; i < lines.length; i++) {
    const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[i]);
    if (!directive) {
      break;
    }
    if (
      directive[1].toLowerCase() === 'escape' &&
      ['`', '\\'].includes(directive[2])
    ) {
      escape = directive[2];
    }
  }
  const result: DockerfileInstruction[] = [];
  while (i < lines.length) {
    const start = i;
    const trimmed = lines[i].trim();
    i++;
    if (trimmed === '' || trimmed.startsWith('#')) {
      continue;
    }
    let text = trimmed;
    while (text.endsWith(escape) && i <= lines.length) {
      text = text.slice(0, -1);
      // Comment and empty lines inside a continuation are dropped.
      while (i < lines.length && /^\s*(#.*)?$/.test(lines[i])) {
        i++;
      }
      if (i >= lines.length) {
        break;
      }
      text += ` ${lines[i].trim()}`;
      i++;
    }
    // Heredocs (`RUN <<EOF`): their bodies are not instructions.
    const heredocs = [
      ...text.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g),
    ];
    for (const heredoc of heredocs) {
      const terminator = heredoc[1];
      while (
        i < lines.length &&
        lines[i].replace(/^\t+/, '').trimEnd() !== terminator
      ) {
        i++;
      }
      i++;
    }
    const match = /^(\S+)\s*(.*)$/.exec(text);
    if (!match) {
      continue;
    }
    const { flags, rest } = readFlags(match[2]);
    result.push({
      keyword: match[1].toUpperCase(),
      args: rest,
      flags,
      line: start + 1,
    });
  }
  return result;
}

function readFlags(args: string): {
  flags: Record<string, string>;
  rest: string;
} {
  const flags: Record<string, string> = {};
  let rest = args.trim();
  for (;;) {
    const flag = /^--([A-Za-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!flag) {
      return { flags, rest };
    }
    flags[flag[1].toLowerCase()] = unquote(flag[2] ?? '');
    rest = rest.slice(flag[0].length);
  }
}

function substitute(
  text: string,
  args: Record<string, string | undefined>,
): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      whole,
      braced: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
    ) => {
      const name = braced ?? bare ?? '';
      const value = args[name];
      if (value !== undefined && value !== '') {
        return value;
      }
      return fallback ?? whole;
    },
  );
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

/**
 * The outcome of a Dockerfile check that reads the final stage: `judge`'s
 * on it, or a failure (with `withoutFrom` as its remediation) when the
 * Dockerfile has no FROM, so no stage at all.
 *
 * @internal
 */
export function judgeFinalStage(
  dockerfile: ParsedDockerfile,
  withoutFrom: string,
  judge: (final: DockerfileStage) => CheckOutcome,
): CheckOutcome {
  const final = dockerfile.stages[dockerfile.stages.length - 1];
  return final
    ? judge(final)
    : fail('The Dockerfile has no FROM instruction.', withoutFrom);
}

/**
 * The `keyword` instruction in effect in a stage: its own last one, else
 * that of the stage it is built FROM, and so on (USER and HEALTHCHECK carry
 * over that way).
 *
 * @internal
 */
export function lastInLineage(
  dockerfile: ParsedDockerfile,
  stage: DockerfileStage,
  keyword: string,
): DockerfileInstruction | undefined {
  for (const { instructions } of stageLineage(dockerfile, stage)) {
    for (let i = instructions.length - 1; i >= 0; i--) {
      if (instructions[i].keyword === keyword) {
        return instructions[i];
      }
    }
  }
  return undefined;
}
