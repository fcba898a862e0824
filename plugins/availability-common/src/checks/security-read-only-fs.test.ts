import { deployment, resultOf } from './__fixtures__/objects';

const context = 'spec.template.spec.containers.0.securityContext';

describe('security-read-only-fs', () => {
  it.each([
    [{ readOnlyRootFilesystem: true }, 'pass'],
    [{ readOnlyRootFilesystem: false }, 'fail'],
    [{ readOnlyRootFilesystem: 'true' }, 'fail'],
    [{}, 'fail'],
  ])('%p gives %s', (value, status) => {
    const result = resultOf(
      [deployment({ [context]: value })],
      'security-read-only-fs',
    );
    expect(result.status).toBe(status);
    expect(result.severity).toBe('low');
  });

  it('ignores init containers', () => {
    const object = deployment({
      'spec.template.spec.initContainers': [{ name: 'init', image: 'x:1' }],
    });
    expect(resultOf([object], 'security-read-only-fs').status).toBe('pass');
  });
});
