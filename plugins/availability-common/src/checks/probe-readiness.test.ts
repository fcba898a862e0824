import { deployment, pod, resultOf } from './__fixtures__/objects';

describe('probe-readiness', () => {
  it('passes when every app container has a readiness probe', () => {
    expect(resultOf([deployment()], 'probe-readiness').status).toBe('pass');
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a string', 'yes'],
  ])('fails when the probe is %s and names the container', (_, probe) => {
    const result = resultOf(
      [deployment({ 'spec.template.spec.containers.0.readinessProbe': probe })],
      'probe-readiness',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('"api"');
    expect(result.remediation).toContain('readinessProbe:');
  });

  it('checks every app container but not init containers', () => {
    const objects = [
      deployment({
        'spec.template.spec.initContainers': [
          { name: 'migrate', image: 'x:1' },
        ],
        'spec.template.spec.containers.1': { name: 'sidecar', image: 'y:1' },
      }),
    ];
    const result = resultOf(objects, 'probe-readiness');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('"sidecar"');
    expect(result.message).not.toContain('migrate');
  });

  it('fails a template without containers', () => {
    const result = resultOf(
      [deployment({ 'spec.template.spec.containers': 'none' })],
      'probe-readiness',
    );
    expect(result.status).toBe('fail');
  });

  it('applies to bare Pods', () => {
    expect(resultOf([pod()], 'probe-readiness', { kind: 'Pod' }).status).toBe(
      'pass',
    );
  });
});
