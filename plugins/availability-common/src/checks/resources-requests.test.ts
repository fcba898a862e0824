import { deployment, resultOf } from './__fixtures__/objects';

const resources = 'spec.template.spec.containers.0.resources';

describe('resources-requests', () => {
  it.each([
    ['both requested', { requests: { cpu: '100m', memory: '1Gi' } }, 'pass'],
    ['numbers', { requests: { cpu: 1, memory: 1000000 } }, 'pass'],
    [
      'limits only (requests default to limits)',
      { limits: { cpu: '1', memory: '1Gi' } },
      'pass',
    ],
    ['no memory', { requests: { cpu: '100m' } }, 'fail'],
    ['empty strings', { requests: { cpu: '', memory: '' } }, 'fail'],
    ['nothing', undefined, 'fail'],
    ['a string', 'big', 'fail'],
  ])('%s gives %s', (_, value, status) => {
    expect(
      resultOf([deployment({ [resources]: value })], 'resources-requests')
        .status,
    ).toBe(status);
  });

  it('names the container and the missing resource', () => {
    const result = resultOf(
      [deployment({ [resources]: { requests: { cpu: '1' } } })],
      'resources-requests',
    );
    expect(result.message).toBe('Missing requests: "api" (memory).');
  });
});
