import type { DockerfileCheck } from '../engine/model';
import type {
  DockerfileInstruction,
  ParsedDockerfile,
} from '../engine/dockerfile';
import { fail, pass } from '../engine/outcomes';

const WHOLE_CONTEXT = Symbol('whole context');

/** The context paths one instruction reads, or the whole context. */
function contextPaths(
  instruction: DockerfileInstruction,
): string[] | typeof WHOLE_CONTEXT {
  if (instruction.keyword === 'RUN') {
    // A bind mount without `from` reads the context (its root by default).
    const mount = instruction.flags.mount ?? '';
    return /type=bind/.test(mount) && !/from=/.test(mount) ? WHOLE_CONTEXT : [];
  }
  if (
    !['COPY', 'ADD'].includes(instruction.keyword) ||
    instruction.flags.from !== undefined ||
    instruction.args.includes('<<')
  ) {
    return [];
  }
  let words: unknown[];
  try {
    words = instruction.args.startsWith('[')
      ? JSON.parse(instruction.args)
      : instruction.args.split(/\s+/);
  } catch {
    return WHOLE_CONTEXT;
  }
  const sources = words.slice(0, -1).map(String);
  const paths: string[] = [];
  for (const source of sources) {
    if (/^(https?|git):\/\/|^git@/.test(source)) {
      continue;
    }
    const path = source.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
    if (path === '' || path === '.' || path.includes('$')) {
      return WHOLE_CONTEXT;
    }
    paths.push(path);
  }
  return paths;
}

const INSTALLS =
  /\b(npm (ci|i|install)|pnpm i(nstall)?|yarn install)\b|\byarn\s*($|&&|;)/;

/**
 * An allowlist of what the Dockerfile copies, where it names its paths;
 * else a denylist that keeps out history, secrets and what it installs
 * itself.
 */
function dockerignore(path: string, dockerfile: ParsedDockerfile): string {
  const instructions = dockerfile.stages.flatMap(s => s.instructions);
  const read = instructions.map(contextPaths);
  const file = `${
    path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
  }.dockerignore`;
  if (read.includes(WHOLE_CONTEXT)) {
    const installs = instructions.some(
      i => i.keyword === 'RUN' && INSTALLS.test(i.args),
    );
    const patterns = ['.git', '**/.env', ...(installs ? ['node_modules'] : [])];
    return `Add \`${file}\`. The Dockerfile reads the whole build context, so leave out the history and local secrets${
      installs ? ', and node_modules, which it installs itself' : ''
    }:\n\n\`\`\`\n${patterns.join('\n')}\n\`\`\``;
  }
  const paths = [...new Set(read.flat() as string[])];
  return `Add \`${file}\` that sends only what the Dockerfile copies${
    paths.length === 0 ? ' (nothing)' : ''
  }:\n\n\`\`\`\n${['*', ...paths.map(p => `!${p}`)].join('\n')}\n\`\`\``;
}

/** @internal */
export const dockerfileDockerignore: DockerfileCheck = {
  id: 'dockerfile-dockerignore',
  title: '.dockerignore',
  description:
    'Without a .dockerignore the whole directory (.git, node_modules, local secrets) is sent to the build and may be copied into the image.',
  severity: 'low',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ path, dockerfile, hasDockerignore }) {
    if (hasDockerignore) {
      return pass('A .dockerignore sits beside the Dockerfile.');
    }
    return fail(
      'No .dockerignore beside the Dockerfile, so the whole build context (including .git and local files) reaches the build.',
      dockerignore(path, dockerfile),
    );
  },
};
