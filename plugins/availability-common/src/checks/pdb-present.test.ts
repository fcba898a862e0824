import {
  daemonSet,
  deployment,
  hpa,
  pdb,
  pod,
  resultOf,
} from './__fixtures__/objects';

describe('pdb-present', () => {
  it.each([
    ['matchLabels', {}, 'pass'],
    [
      'matchExpressions',
      {
        'spec.selector': {
          matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }],
        },
      },
      'pass',
    ],
    [
      'another app',
      { 'spec.selector': { matchLabels: { app: 'web' } } },
      'fail',
    ],
    ['an empty selector (selects none)', { 'spec.selector': {} }, 'fail'],
    ['no selector', { 'spec.selector': undefined }, 'fail'],
    ['another namespace', { 'metadata.namespace': 'other' }, 'fail'],
  ])('a PDB with %s gives %s', (_, patch, status) => {
    expect(resultOf([deployment(), pdb(patch)], 'pdb-present').status).toBe(
      status,
    );
  });

  it('proposes a PDB selecting the pod labels', () => {
    const result = resultOf([deployment()], 'pdb-present');
    expect(result.remediation).toContain('kind: PodDisruptionBudget');
    expect(result.remediation).toContain('app: api');
  });

  it.each([
    ['DaemonSet', daemonSet()],
    ['Pod', pod()],
  ])('is not applicable to a %s', (kind, object) => {
    expect(resultOf([object, pdb()], 'pdb-present', { kind }).status).toBe(
      'not-applicable',
    );
  });
});

describe('pdb rows under two effective replicas (r3)', () => {
  it.each(['pdb-present', 'pdb-allows-eviction', 'pdb-keeps-minimum'])(
    '%s is not applicable with one replica, with or without a PDB',
    id => {
      for (const objects of [
        [deployment({ 'spec.replicas': 1 })],
        [deployment({ 'spec.replicas': 1 }), pdb()],
      ]) {
        expect(resultOf(objects, id).status).toBe('not-applicable');
      }
      expect(
        resultOf([deployment({ 'spec.replicas': 1 }), pdb()], id).message,
      ).toContain('replicas-min');
    },
  );

  it('counts the HPA minimum as the effective replicas', () => {
    expect(
      resultOf(
        [deployment({ 'spec.replicas': 5 }), hpa({ 'spec.minReplicas': 1 })],
        'pdb-present',
      ).status,
    ).toBe('not-applicable');
  });

  it('judges two replicas as before', () => {
    expect(
      resultOf([deployment({ 'spec.replicas': 2 })], 'pdb-present').status,
    ).toBe('fail');
  });
});
