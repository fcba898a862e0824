import {
  daemonSet,
  deployment,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';
import { spreadingCases } from './__fixtures__/spreading';

const spec = 'spec.template.spec';

describe('spread-nodes', () => {
  it.each([
    ...spreadingCases('kubernetes.io/hostname', 'topology.kubernetes.io/zone'),
  ])('%s gives %s', (_, patch, status) => {
    expect(resultOf([deployment(patch)], 'spread-nodes').status).toBe(status);
  });

  it('proposes a constraint with the pod labels', () => {
    const result = resultOf(
      [deployment({ [`${spec}.topologySpreadConstraints`]: [] })],
      'spread-nodes',
    );
    expect(result.remediation).toContain('topologyKey: kubernetes.io/hostname');
    expect(result.remediation).toContain('app: api');
  });

  it('applies to StatefulSets but not DaemonSets', () => {
    expect(
      resultOf([statefulSet()], 'spread-nodes', { kind: 'StatefulSet' }).status,
    ).toBe('pass');
    expect(
      resultOf([daemonSet()], 'spread-nodes', { kind: 'DaemonSet' }).status,
    ).toBe('not-applicable');
  });
});
