import { daemonSet, deployment, hpa, resultOf } from './__fixtures__/objects';

describe('hpa-min-replicas', () => {
  it.each([
    [3, 'pass'],
    [2, 'pass'],
    ['2', 'pass'],
    [1, 'fail'],
    [undefined, 'fail'],
    ['two', 'fail'],
  ])('minReplicas %p gives %s', (min, status) => {
    expect(
      resultOf(
        [deployment(), hpa({ 'spec.minReplicas': min })],
        'hpa-min-replicas',
      ).status,
    ).toBe(status);
  });

  it('says when the default applies', () => {
    const result = resultOf(
      [deployment(), hpa({ 'spec.minReplicas': undefined })],
      'hpa-min-replicas',
    );
    expect(result.message).toContain('(the default)');
    expect(result.remediation).toContain('minReplicas: 2');
  });

  it('is not applicable without an HPA, or on a DaemonSet', () => {
    expect(resultOf([deployment()], 'hpa-min-replicas').status).toBe(
      'not-applicable',
    );
    expect(
      resultOf([daemonSet()], 'hpa-min-replicas', { kind: 'DaemonSet' }).status,
    ).toBe('not-applicable');
  });
});
