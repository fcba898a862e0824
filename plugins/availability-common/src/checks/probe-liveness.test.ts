import { deployment, resultOf } from './__fixtures__/objects';

describe('probe-liveness', () => {
  it('passes when every app container has a liveness probe', () => {
    expect(resultOf([deployment()], 'probe-liveness').status).toBe('pass');
  });

  it.each([[undefined], [null], [42]])('fails for probe %p', probe => {
    const result = resultOf(
      [deployment({ 'spec.template.spec.containers.0.livenessProbe': probe })],
      'probe-liveness',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('"api"');
    expect(result.remediation).toContain('livenessProbe:');
  });

  it('names an unnamed container by position', () => {
    const result = resultOf(
      [deployment({ 'spec.template.spec.containers.1': { image: 'x:1' } })],
      'probe-liveness',
    );
    expect(result.message).toContain('"#2"');
  });
});
