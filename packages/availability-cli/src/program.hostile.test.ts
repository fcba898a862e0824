import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { main } from './program';

// Malformed arguments, configs and inputs of every kind: the CLI never
// throws, exits 0, 1 or 2, and whenever it exits 2 says on stderr why.

jest.setTimeout(120_000);

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-cli-hostile-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runMain(argv: string[], stdin: string) {
  let stdout = '';
  let stderr = '';
  const code = main(['node', 'availability', ...argv], '0.0.0', {
    cwd: dir,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

function expectClearExit(
  result: ReturnType<typeof runMain>,
  what: unknown,
): void {
  const answer = `${JSON.stringify(what).slice(0, 300)} -> ${result.code}: ${
    result.stderr
  }`;
  expect([answer, [0, 1, 2].includes(result.code)]).toEqual([answer, true]);
  if (result.code === 2) {
    expect([answer, result.stderr.trim().length > 0]).toEqual([answer, true]);
  }
}

const manifestText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.json(),
  fc.anything().map(value => JSON.stringify(value) ?? ''),
  fc.constantFrom(
    '---\n- a\n- : b\n',
    '&a [*a, *a]',
    'a: !!binary xyz',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: [1] }\nspec: 3',
    'apiVersion: v1\nkind: List\nitems: [1, null, {kind: Pod}]',
    'kind: Deployment\n\tbad: tab',
    'FROM\nUSER\nHEALTHCHECK',
    '\u0000\u0001\uFFFF',
  ),
);

describe('the CLI under hostile input', () => {
  it('answers any arguments with a clear exit', () => {
    const arg = fc.oneof(
      fc.constantFrom(
        'check',
        '-',
        '--format',
        'json',
        'sarif',
        'text',
        'xml',
        '--min-score',
        '--min-level',
        'gold',
        '--config',
        '--allow-empty',
        '-f',
        '-c',
        '--',
        '.',
        'nope.yaml',
        '--help',
        '-V',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.array(arg, { maxLength: 8 }),
        manifestText,
        (argv, stdin) => {
          // Help and version print and exit 0: no need to test them further.
          expectClearExit(runMain(argv, stdin), argv);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('answers any manifests, Dockerfiles and configs with a clear exit', () => {
    fc.assert(
      fc.property(
        manifestText,
        fc.constantFrom('a.yaml', 'b.json', 'Dockerfile', 'c.Dockerfile'),
        fc.option(manifestText, { nil: undefined }),
        fc.constantFrom('text', 'json', 'sarif'),
        (text, file, config, format) => {
          fs.writeFileSync(path.join(dir, file), text);
          const argv = ['check', '--format', format];
          if (config !== undefined) {
            fs.writeFileSync(path.join(dir, 'config.yaml'), config);
            argv.push('--config', 'config.yaml');
          }
          argv.push(file);
          const result = runMain(argv, '');
          fs.rmSync(path.join(dir, file));
          expectClearExit(result, { text, file, config });
          // Machine formats stay parseable whatever the input.
          const parseable =
            format === 'text' ||
            !result.stdout ||
            (() => {
              try {
                JSON.parse(result.stdout);
                return true;
              } catch {
                return false;
              }
            })();
          expect([file, format, parseable]).toEqual([file, format, true]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
