import {
  daemonSet,
  deployment,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';
import { constraint, spreadingCases } from './__fixtures__/spreading';

const spec = 'spec.template.spec';

describe('spread-zones', () => {
  it.each([
    ...spreadingCases('topology.kubernetes.io/zone', 'kubernetes.io/hostname'),
    [
      'a spread constraint on failure-domain.beta.kubernetes.io/zone',
      constraint('failure-domain.beta.kubernetes.io/zone'),
      'pass',
    ],
  ])('%s gives %s', (_, patch, status) => {
    expect(resultOf([deployment(patch)], 'spread-zones').status).toBe(status);
  });

  it('proposes a constraint with the pod labels', () => {
    const result = resultOf(
      [deployment({ [`${spec}.topologySpreadConstraints`]: [] })],
      'spread-zones',
    );
    expect(result.remediation).toContain(
      'topologyKey: topology.kubernetes.io/zone',
    );
    expect(result.remediation).toContain('app: api');
  });

  it('applies to StatefulSets but not DaemonSets', () => {
    expect(
      resultOf([statefulSet()], 'spread-zones', { kind: 'StatefulSet' }).status,
    ).toBe('fail');
    expect(
      resultOf([daemonSet()], 'spread-zones', { kind: 'DaemonSet' }).status,
    ).toBe('not-applicable');
  });
});
