import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fc from 'fast-check';
import { createAvailabilityValidateAction } from './validate';

// Malformed paths, check ids and workspace files: the action either passes
// or fails with a client error (InputError, NotAllowedError) whose message
// says what was wrong; it never crashes with anything else.

jest.setTimeout(120_000);

const CLIENT_ERRORS = ['InputError', 'NotAllowedError', 'NotFoundError'];

const fileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.json(),
  fc.constantFrom(
    '---\n- a\n- : b\n',
    '&a [*a, *a]',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: [1] }\nspec: 3',
    'apiVersion: v1\nkind: List\nitems: [1, null, {kind: Pod}]',
    'FROM\nUSER\nHEALTHCHECK',
    '\u0000\u0001\uFFFF',
  ),
);

const inputPath = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '.',
    '..',
    '../..',
    '/etc',
    'k8s/../../x',
    'missing',
    'k8s',
    'k8s/a.yaml',
    'Dockerfile',
    '\u0000',
    '',
  ),
);

describe('availability:validate under hostile input', () => {
  const mockDir = createMockDirectory();
  const action = createAvailabilityValidateAction();

  it('passes or fails with a message that says why', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('k8s/a.yaml', 'k8s/b.json', 'Dockerfile', 'x.yml'),
          fileText,
        ),
        fc.option(inputPath, { nil: undefined }),
        fc.option(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), {
          nil: undefined,
        }),
        fc.option(fc.constantFrom('gold', 'silver', 'bronze', 'none'), {
          nil: undefined,
        }),
        async (files, path, failOn, minLevel) => {
          mockDir.setContent(files);
          const ctx = createMockActionContext({
            input: { path, failOn, minLevel } as any,
            workspacePath: mockDir.path,
          });
          const what = JSON.stringify({ files, path, failOn, minLevel });
          const error: any = await action.handler(ctx).then(
            () => undefined,
            thrown => thrown,
          );
          const answer = `${what.slice(0, 300)} -> ${error?.name}: ${
            error?.message
          }`;
          const clear =
            error === undefined ||
            (CLIENT_ERRORS.includes(error.name) &&
              typeof error.message === 'string' &&
              error.message.length > 0);
          expect([answer, clear]).toEqual([answer, true]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
