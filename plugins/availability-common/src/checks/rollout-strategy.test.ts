import {
  daemonSet,
  deployment,
  hpa,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';

const strategy = 'spec.strategy';

describe('rollout-strategy', () => {
  it.each([
    ['the default (25%) with 3 replicas', { [strategy]: undefined }, 'pass'],
    ['Recreate', { [strategy]: { type: 'Recreate' } }, 'fail'],
    [
      'maxUnavailable 1 of 3',
      { [strategy]: { rollingUpdate: { maxUnavailable: 1 } } },
      'pass',
    ],
    [
      'maxUnavailable "2" of 3',
      { [strategy]: { rollingUpdate: { maxUnavailable: '2' } } },
      'pass',
    ],
    [
      'maxUnavailable 3 of 3',
      { [strategy]: { rollingUpdate: { maxUnavailable: 3 } } },
      'fail',
    ],
    [
      'maxUnavailable 100%',
      { [strategy]: { rollingUpdate: { maxUnavailable: '100%' } } },
      'fail',
    ],
    [
      'maxUnavailable 99% rounds down to 2',
      { [strategy]: { rollingUpdate: { maxUnavailable: '99%' } } },
      'pass',
    ],
    [
      'a malformed maxUnavailable',
      { [strategy]: { rollingUpdate: { maxUnavailable: 'half' } } },
      'fail',
    ],
    ['a malformed strategy', { [strategy]: 'fast' }, 'pass'],
  ])('Deployment with %s gives %s', (_, patch, status) => {
    expect(resultOf([deployment(patch)], 'rollout-strategy').status).toBe(
      status,
    );
  });

  it('resolves percentages against the HPA minimum', () => {
    const objects = [
      deployment({
        'spec.replicas': 10,
        [strategy]: { rollingUpdate: { maxUnavailable: '50%' } },
      }),
      hpa({ 'spec.minReplicas': 1 }),
    ];
    // 50% of 1 rounds down to 0.
    expect(resultOf(objects, 'rollout-strategy').status).toBe('pass');
  });

  it('explains Recreate and suggests a rolling update', () => {
    const result = resultOf(
      [deployment({ [strategy]: { type: 'Recreate' } })],
      'rollout-strategy',
    );
    expect(result.message).toContain('Recreate');
    expect(result.remediation).toContain('type: RollingUpdate');
  });

  it.each([
    ['the default (1) with 3 replicas', {}, 'pass'],
    // r3: one replica restarts on every update whatever the strategy.
    [
      'the default (1) with 1 replica',
      { 'spec.replicas': 1 },
      'not-applicable',
    ],
    ['the default (1) with 2 replicas', { 'spec.replicas': 2 }, 'pass'],
    [
      'OnDelete with 1 replica',
      { 'spec.replicas': 1, 'spec.updateStrategy': { type: 'OnDelete' } },
      'not-applicable',
    ],
    ['OnDelete', { 'spec.updateStrategy': { type: 'OnDelete' } }, 'fail'],
    [
      'maxUnavailable 3',
      { 'spec.updateStrategy': { rollingUpdate: { maxUnavailable: 3 } } },
      'fail',
    ],
  ])('StatefulSet with %s gives %s', (_, patch, status) => {
    expect(
      resultOf([statefulSet(patch)], 'rollout-strategy', {
        kind: 'StatefulSet',
      }).status,
    ).toBe(status);
  });

  it.each(['rollout-strategy', 'rollout-zero-unavailable'])(
    '%s is not applicable to a Deployment scaled to zero',
    id => {
      const result = resultOf([deployment({ 'spec.replicas': 0 })], id);
      expect(result.status).toBe('not-applicable');
      expect(result.message).toContain('Scaled to zero');
    },
  );

  it('still judges a one-replica Deployment', () => {
    expect(
      resultOf(
        [deployment({ 'spec.replicas': 1, [strategy]: { type: 'Recreate' } })],
        'rollout-strategy',
      ).status,
    ).toBe('fail');
  });

  it('does not apply to DaemonSets', () => {
    expect(
      resultOf([daemonSet()], 'rollout-strategy', { kind: 'DaemonSet' }).status,
    ).toBe('not-applicable');
  });
});
