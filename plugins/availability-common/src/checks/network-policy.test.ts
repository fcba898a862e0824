import {
  deployment,
  networkPolicy,
  pod,
  resultOf,
} from './__fixtures__/objects';

describe('network-policy', () => {
  it.each([
    ['selecting the pods', {}, 'pass'],
    [
      'with an empty podSelector (all pods)',
      { 'spec.podSelector': {} },
      'pass',
    ],
    [
      'without a podSelector (treated as empty)',
      { 'spec.podSelector': undefined },
      'pass',
    ],
    [
      'selecting other pods',
      { 'spec.podSelector': { matchLabels: { app: 'web' } } },
      'fail',
    ],
    ['in another namespace', { 'metadata.namespace': 'other' }, 'fail'],
    [
      'with a NotIn expression',
      {
        'spec.podSelector': {
          matchExpressions: [
            { key: 'app', operator: 'NotIn', values: ['web'] },
          ],
        },
      },
      'pass',
    ],
  ])('a NetworkPolicy %s gives %s', (_, patch, status) => {
    expect(
      resultOf([deployment(), networkPolicy(patch)], 'network-policy').status,
    ).toBe(status);
  });

  it('fails without any policy and proposes one', () => {
    const result = resultOf([deployment()], 'network-policy');
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('kind: NetworkPolicy');
  });

  it('applies to bare Pods by their labels', () => {
    const objects = [
      pod(),
      networkPolicy({ 'spec.podSelector': { matchLabels: { app: 'debug' } } }),
    ];
    expect(resultOf(objects, 'network-policy', { kind: 'Pod' }).status).toBe(
      'pass',
    );
  });
});

describe('network-policy on the host network (r3)', () => {
  it.each([
    [
      'a Deployment',
      deployment({ 'spec.template.spec.hostNetwork': true }),
      'Deployment',
    ],
    ['a bare Pod', pod({ 'spec.hostNetwork': true }), 'Pod'],
  ])('is not applicable to %s with hostNetwork: true', (_, object, kind) => {
    expect(resultOf([object], 'network-policy', { kind }).status).toBe(
      'not-applicable',
    );
  });

  it('still fails hostNetwork: false without a policy', () => {
    expect(
      resultOf(
        [deployment({ 'spec.template.spec.hostNetwork': false })],
        'network-policy',
      ).status,
    ).toBe('fail');
  });
});
