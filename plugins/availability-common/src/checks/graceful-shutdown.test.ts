import { deployment, resultOf } from './__fixtures__/objects';

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
