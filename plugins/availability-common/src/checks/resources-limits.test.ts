import { deployment, resultOf } from './__fixtures__/objects';

const resources = 'spec.template.spec.containers.0.resources';

describe('resources-limits', () => {
  it.each([
    ['both limited', { limits: { cpu: '1', memory: '1Gi' } }, 'pass'],
    ['requests only', { requests: { cpu: '1', memory: '1Gi' } }, 'fail'],
    ['no cpu limit', { limits: { memory: '1Gi' } }, 'fail'],
    ['nothing', null, 'fail'],
  ])('%s gives %s', (_, value, status) => {
    expect(
      resultOf([deployment({ [resources]: value })], 'resources-limits').status,
    ).toBe(status);
  });

  it('names what is missing', () => {
    const result = resultOf(
      [deployment({ [resources]: { limits: { memory: '1Gi' } } })],
      'resources-limits',
    );
    expect(result.message).toBe('Missing limits: "api" (cpu).');
  });
});
