import {
  deployment,
  hpa,
  resultOf,
  rollout,
  scaledObject,
  statefulSet,
} from './__fixtures__/objects';

const HPA = { kind: 'HorizontalPodAutoscaler' };
const SCALED_OBJECT = { kind: 'ScaledObject' };

describe('hpa-target-exists (r3)', () => {
  it.each([
    ['a Deployment', [deployment(), hpa()], HPA],
    [
      'a StatefulSet',
      [
        statefulSet(),
        hpa({ 'spec.scaleTargetRef': { kind: 'StatefulSet', name: 'db' } }),
      ],
      HPA,
    ],
    [
      'a Rollout',
      [
        rollout(),
        hpa({ 'spec.scaleTargetRef': { kind: 'Rollout', name: 'api' } }),
      ],
      HPA,
    ],
    [
      'a Deployment by the ScaledObject default kind',
      [deployment(), scaledObject()],
      SCALED_OBJECT,
    ],
  ])('passes on %s of its namespace', (_, objects, target) => {
    expect(resultOf(objects, 'hpa-target-exists', target)).toMatchObject({
      status: 'pass',
      remediation: null,
    });
  });

  it.each([
    [
      'a workload of another name',
      [deployment(), hpa({ 'spec.scaleTargetRef.name': 'web' })],
    ],
    [
      'a workload of another kind',
      [deployment(), hpa({ 'spec.scaleTargetRef.kind': 'StatefulSet' })],
    ],
    [
      'a workload of another namespace',
      [deployment({ 'metadata.namespace': 'other' }), hpa()],
    ],
    [
      'no target at all',
      [deployment(), hpa({ 'spec.scaleTargetRef': undefined })],
    ],
  ])('fails when it names %s', (_, objects) => {
    const result = resultOf(objects, 'hpa-target-exists', HPA);
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('HorizontalPodAutoscaler "api"');
  });

  it('is unknown on a kind the checks do not evaluate', () => {
    expect(
      resultOf(
        [hpa({ 'spec.scaleTargetRef': { kind: 'ReplicaSet', name: 'api-1' } })],
        'hpa-target-exists',
        HPA,
      ),
    ).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining('ReplicaSet'),
    });
  });

  it('hides no hpa-present failure: a dangling HPA leaves the Deployment without one', () => {
    const objects = [deployment(), hpa({ 'spec.scaleTargetRef.name': 'web' })];
    expect(resultOf(objects, 'hpa-present').status).toBe('fail');
  });

  it('is exempted by the autoscaler annotation', () => {
    const result = resultOf(
      [
        hpa({
          'spec.scaleTargetRef.name': 'web',
          'metadata.annotations': {
            'availability.backstage.io/exempt': 'hpa-target-exists',
            'availability.backstage.io/exempt-reason': 'web ships next week',
          },
        }),
      ],
      'hpa-target-exists',
      HPA,
    );
    expect(result).toMatchObject({
      status: 'exempt',
      reason: 'web ships next week',
    });
  });
});
