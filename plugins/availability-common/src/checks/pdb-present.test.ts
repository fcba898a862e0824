import {
  daemonSet,
  deployment,
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
    expect(result.remediation).toContain('app: "api"');
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
