import { deployment, resultOf, service } from './__fixtures__/objects';

const lifecycle = 'spec.template.spec.containers.0.lifecycle';

describe('graceful-shutdown', () => {
  it.each([
    [{ preStop: { sleep: { seconds: 5 } } }, 'pass'],
    [{ preStop: { exec: { command: ['sleep', '5'] } } }, 'pass'],
    [{ postStart: { exec: { command: ['true'] } } }, 'fail'],
    [{ preStop: 'sleep 5' }, 'fail'],
    [undefined, 'fail'],
  ])('%p gives %s', (value, status) => {
    expect(
      resultOf([deployment({ [lifecycle]: value })], 'graceful-shutdown')
        .status,
    ).toBe(status);
  });

  it('suggests a preStop sleep', () => {
    expect(
      resultOf([deployment({ [lifecycle]: undefined })], 'graceful-shutdown')
        .remediation,
    ).toContain('preStop:');
  });
});

describe('graceful-shutdown where no traffic reaches (r3)', () => {
  const noHook = { 'spec.template.spec.containers.0.lifecycle': undefined };

  it('is not applicable when Services of the namespace select other pods', () => {
    expect(
      resultOf(
        [deployment(noHook), service({ 'spec.selector': { app: 'web' } })],
        'graceful-shutdown',
      ).status,
    ).toBe('not-applicable');
  });

  it.each([
    ['a Service selects it', [service()]],
    [
      'the set has no Service in its namespace',
      [
        service({
          'metadata.namespace': 'other',
          'spec.selector': { app: 'web' },
        }),
      ],
    ],
  ])('fails without preStop when %s', (_, extra) => {
    expect(
      resultOf([deployment(noHook), ...extra], 'graceful-shutdown').status,
    ).toBe('fail');
  });

  it('counts a Service that selects on a controller-added label', () => {
    expect(
      resultOf(
        [
          deployment(noHook),
          service({
            'spec.selector': { app: 'api', 'pod-template-hash': 'abc' },
          }),
        ],
        'graceful-shutdown',
      ).status,
    ).toBe('fail');
  });
});
