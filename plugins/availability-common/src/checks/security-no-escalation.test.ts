import { deployment, resultOf } from './__fixtures__/objects';

const context = 'spec.template.spec.containers.0.securityContext';

describe('security-no-escalation', () => {
  it.each([
    [{ allowPrivilegeEscalation: false }, 'pass'],
    [{ allowPrivilegeEscalation: false, privileged: false }, 'pass'],
    [{ allowPrivilegeEscalation: false, privileged: true }, 'fail'],
    [{ allowPrivilegeEscalation: true }, 'fail'],
    [{}, 'fail'],
    [null, 'fail'],
  ])('%p gives %s', (value, status) => {
    expect(
      resultOf([deployment({ [context]: value })], 'security-no-escalation')
        .status,
    ).toBe(status);
  });

  it('needs it on init containers too', () => {
    const object = deployment({
      'spec.template.spec.initContainers': [{ name: 'init', image: 'x:1' }],
    });
    const result = resultOf([object], 'security-no-escalation');
    expect(result.message).toContain(
      '"init" does not set allowPrivilegeEscalation: false',
    );
  });
});
