import { daemonSet, deployment, hpa, resultOf } from './__fixtures__/objects';

describe('replicas-recommended', () => {
  it.each([
    [3, 'pass'],
    [5, 'pass'],
    [2, 'fail'],
    [undefined, 'fail'],
    ['bad', 'unknown'],
  ])('spec.replicas %p gives %s', (replicas, status) => {
    const result = resultOf(
      [deployment({ 'spec.replicas': replicas })],
      'replicas-recommended',
    );
    expect(result.status).toBe(status);
    expect(result.severity).toBe('low');
  });

  it('uses the HPA minimum', () => {
    const result = resultOf(
      [deployment(), hpa({ 'spec.minReplicas': 2 })],
      'replicas-recommended',
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('minReplicas: 3');
  });

  it('does not apply to DaemonSets', () => {
    expect(
      resultOf([daemonSet()], 'replicas-recommended', { kind: 'DaemonSet' })
        .status,
    ).toBe('not-applicable');
  });
});
