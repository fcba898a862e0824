import { deployment, resultOf, statefulSet } from './__fixtures__/objects';

const rolling = (rollingUpdate: object) => ({
  'spec.strategy': { type: 'RollingUpdate', rollingUpdate },
});

describe('rollout-zero-unavailable', () => {
  it.each([
    [
      'maxUnavailable 0, maxSurge 1',
      rolling({ maxUnavailable: 0, maxSurge: 1 }),
      'pass',
    ],
    [
      'maxUnavailable "0", maxSurge "25%" (rounds up)',
      rolling({ maxUnavailable: '0', maxSurge: '25%' }),
      'pass',
    ],
    [
      'defaults with 3 replicas (25% rounds down to 0)',
      { 'spec.strategy': undefined },
      'pass',
    ],
    [
      'defaults with 4 replicas',
      { 'spec.strategy': undefined, 'spec.replicas': 4 },
      'fail',
    ],
    ['maxUnavailable 1', rolling({ maxUnavailable: 1, maxSurge: 1 }), 'fail'],
    ['maxSurge 0', rolling({ maxUnavailable: 0, maxSurge: 0 }), 'fail'],
    ['maxSurge 0%', rolling({ maxUnavailable: 0, maxSurge: '0%' }), 'fail'],
    ['Recreate', { 'spec.strategy': { type: 'Recreate' } }, 'fail'],
    [
      'a malformed maxSurge',
      rolling({ maxUnavailable: 0, maxSurge: [] }),
      'fail',
    ],
  ])('%s gives %s', (_, patch, status) => {
    const result = resultOf([deployment(patch)], 'rollout-zero-unavailable');
    expect(result.status).toBe(status);
  });

  it('suggests maxUnavailable 0 with a surge', () => {
    const result = resultOf(
      [deployment(rolling({ maxUnavailable: 1 }))],
      'rollout-zero-unavailable',
    );
    expect(result.remediation).toContain('maxUnavailable: 0');
  });

  it('only applies to Deployments', () => {
    expect(
      resultOf([statefulSet()], 'rollout-zero-unavailable', {
        kind: 'StatefulSet',
      }).status,
    ).toBe('not-applicable');
  });
});
