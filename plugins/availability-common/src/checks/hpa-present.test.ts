import {
  daemonSet,
  deployment,
  hpa,
  pod,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';

describe('hpa-present', () => {
  it('passes when an HPA targets the workload', () => {
    expect(resultOf([deployment(), hpa()], 'hpa-present')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('"api"'),
    });
  });

  it.each([
    ['no HPA', []],
    ['an HPA on another name', [hpa({ 'spec.scaleTargetRef.name': 'web' })]],
    [
      'an HPA on another kind',
      [hpa({ 'spec.scaleTargetRef.kind': 'StatefulSet' })],
    ],
    ['an HPA in another namespace', [hpa({ 'metadata.namespace': 'other' })]],
    ['an HPA with a malformed target', [hpa({ 'spec.scaleTargetRef': 'api' })]],
  ])('fails with %s', (_, extra) => {
    const result = resultOf([deployment(), ...extra], 'hpa-present');
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('kind: HorizontalPodAutoscaler');
  });

  it.each([
    ['without an HPA', [statefulSet()]],
    [
      'with one',
      [
        statefulSet(),
        hpa({ 'spec.scaleTargetRef': { kind: 'StatefulSet', name: 'db' } }),
      ],
    ],
  ])('is not applicable to a StatefulSet %s (r3)', (_, objects) => {
    expect(
      resultOf(objects, 'hpa-present', { kind: 'StatefulSet' }).status,
    ).toBe('not-applicable');
  });

  it.each([
    ['DaemonSet', daemonSet()],
    ['Pod', pod()],
  ])('is not applicable to a %s', (kind, object) => {
    expect(resultOf([object], 'hpa-present', { kind }).status).toBe(
      'not-applicable',
    );
  });
});
