import {
  claim,
  deployment,
  hpa,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';

const withClaim = (patch: Record<string, unknown> = {}) =>
  deployment({
    'spec.template.spec.volumes': [
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
    ],
    ...patch,
  });

describe('storage-shared-rwo', () => {
  it.each([
    ['ReadWriteOnce with 3 replicas', withClaim(), [claim()], 'fail'],
    [
      'ReadWriteOncePod with 3 replicas',
      withClaim(),
      [claim({ 'spec.accessModes': ['ReadWriteOncePod'] })],
      'fail',
    ],
    [
      'ReadWriteMany with 3 replicas',
      withClaim(),
      [claim({ 'spec.accessModes': ['ReadWriteMany'] })],
      'pass',
    ],
    [
      'ReadWriteOnce with 1 replica',
      withClaim({ 'spec.replicas': 1 }),
      [claim()],
      'pass',
    ],
    ['no claim volumes', deployment(), [], 'pass'],
    ['a claim missing from the input', withClaim(), [], 'unknown'],
    [
      'a claim in another namespace',
      withClaim(),
      [claim({ 'metadata.namespace': 'other' })],
      'unknown',
    ],
  ])('%s gives %s', (_, workload, extra, status) => {
    expect(resultOf([workload, ...extra], 'storage-shared-rwo').status).toBe(
      status,
    );
  });

  it('counts the HPA minimum as replicas', () => {
    const objects = [
      withClaim({ 'spec.replicas': 1 }),
      claim(),
      hpa({ 'spec.minReplicas': 2 }),
    ];
    const result = resultOf(objects, 'storage-shared-rwo');
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('volumeClaimTemplates');
  });

  it('only applies to Deployments', () => {
    expect(
      resultOf([statefulSet()], 'storage-shared-rwo', { kind: 'StatefulSet' })
        .status,
    ).toBe('not-applicable');
  });
});
