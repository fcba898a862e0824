import {
  deployment,
  hpa,
  resultOf,
  statefulSet,
  daemonSet,
  pod,
} from './__fixtures__/objects';

describe('replicas-min', () => {
  it.each([
    [3, 'pass'],
    [2, 'pass'],
    [1, 'fail'],
    [0, 'fail'],
    ['2', 'pass'],
    ['many', 'fail'],
    [-1, 'fail'],
  ])('spec.replicas %p gives %s', (replicas, status) => {
    expect(
      resultOf([deployment({ 'spec.replicas': replicas })], 'replicas-min')
        .status,
    ).toBe(status);
  });

  it('defaults absent spec.replicas to 1', () => {
    const result = resultOf(
      [deployment({ 'spec.replicas': undefined })],
      'replicas-min',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Only 1 replica');
    expect(result.remediation).toContain('replicas: 2');
  });

  it('uses the HPA minReplicas over spec.replicas', () => {
    const objects = [
      deployment({ 'spec.replicas': 5 }),
      hpa({ 'spec.minReplicas': 1 }),
    ];
    const result = resultOf(objects, 'replicas-min');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('HPA minReplicas');
    expect(result.remediation).toContain('minReplicas: 2');
  });

  it('defaults the HPA minReplicas to 1', () => {
    const objects = [deployment(), hpa({ 'spec.minReplicas': undefined })];
    expect(resultOf(objects, 'replicas-min').status).toBe('fail');
  });

  it('ignores an HPA targeting another workload or namespace', () => {
    const objects = [
      deployment({ 'spec.replicas': 3 }),
      hpa({ 'spec.minReplicas': 1, 'spec.scaleTargetRef.name': 'other' }),
      hpa({ 'spec.minReplicas': 1, 'metadata.namespace': 'elsewhere' }),
      hpa({ 'spec.minReplicas': 1, 'spec.scaleTargetRef.kind': 'StatefulSet' }),
    ];
    expect(resultOf(objects, 'replicas-min').status).toBe('pass');
  });

  it('honours the minReplicas threshold', () => {
    const objects = [deployment({ 'spec.replicas': 2 })];
    const options = { config: { thresholds: { minReplicas: 3 } } };
    expect(resultOf(objects, 'replicas-min', {}, options).status).toBe('fail');
  });

  it('applies to StatefulSets but not to DaemonSets or bare Pods', () => {
    expect(
      resultOf([statefulSet({ 'spec.replicas': 1 })], 'replicas-min', {
        kind: 'StatefulSet',
      }).status,
    ).toBe('fail');
    expect(
      resultOf([daemonSet()], 'replicas-min', { kind: 'DaemonSet' }).status,
    ).toBe('not-applicable');
    expect(resultOf([pod()], 'replicas-min', { kind: 'Pod' }).status).toBe(
      'not-applicable',
    );
  });
});

describe('replicas-min remediation', () => {
  it.each([
    'mongo:7.0',
    'postgres:16.2',
    'docker.io/bitnami/redis:7.2',
    'mysql@sha256:0123',
    'bitnami/postgresql:16',
  ])('points a %s Deployment to a StatefulSet, not replicas: 2', image => {
    const result = resultOf(
      [
        deployment({
          'spec.replicas': 1,
          'spec.template.spec.containers.0.image': image,
        }),
      ],
      'replicas-min',
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('StatefulSet');
    expect(result.remediation).not.toContain('replicas: 2');
  });

  it('names the HPA to change and its fix passes', () => {
    const result = resultOf(
      [deployment(), hpa({ 'spec.minReplicas': 1 })],
      'replicas-min',
    );
    expect(result.remediation).toContain('HorizontalPodAutoscaler "api"');
    expect(result.remediation).toContain('minReplicas: 2');
    expect(
      resultOf([deployment(), hpa({ 'spec.minReplicas': 2 })], 'replicas-min')
        .status,
    ).toBe('pass');
  });

  it.each(['mongo-express:1.0', 'oliver006/redis_exporter:v1.5'])(
    'treats %s as an ordinary app',
    image => {
      expect(
        resultOf(
          [
            deployment({
              'spec.replicas': 1,
              'spec.template.spec.containers.0.image': image,
            }),
          ],
          'replicas-min',
        ).remediation,
      ).toContain('replicas: 2');
    },
  );

  it('suggests replicas that pass for other images', () => {
    const result = resultOf(
      [deployment({ 'spec.replicas': 1 })],
      'replicas-min',
    );
    expect(result.remediation).toContain('replicas: 2');
    expect(
      resultOf([deployment({ 'spec.replicas': 2 })], 'replicas-min').status,
    ).toBe('pass');
  });
});
