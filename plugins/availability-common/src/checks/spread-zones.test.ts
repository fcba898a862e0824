import {
  daemonSet,
  deployment,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';
import { antiAffinity, constraint } from './__fixtures__/spreading';

const spec = 'spec.template.spec';

describe('spread-zones', () => {
  it.each([
    [
      'a spread constraint on the key',
      constraint('topology.kubernetes.io/zone'),
      'pass',
    ],
    [
      'a spread constraint on failure-domain.beta.kubernetes.io/zone',
      constraint('failure-domain.beta.kubernetes.io/zone'),
      'pass',
    ],
    [
      'a spread constraint on another key',
      constraint('kubernetes.io/hostname'),
      'fail',
    ],
    [
      'a spread constraint selecting other pods',
      constraint('topology.kubernetes.io/zone', {
        matchLabels: { app: 'web' },
      }),
      'fail',
    ],
    [
      'a spread constraint without a selector',
      constraint('topology.kubernetes.io/zone', null),
      'fail',
    ],
    [
      'a spread constraint with matchExpressions',
      constraint('topology.kubernetes.io/zone', {
        matchExpressions: [{ key: 'app', operator: 'Exists' }],
      }),
      'pass',
    ],
    [
      'a required anti-affinity',
      antiAffinity('required', 'topology.kubernetes.io/zone'),
      'pass',
    ],
    [
      'a preferred anti-affinity',
      antiAffinity('preferred', 'topology.kubernetes.io/zone'),
      'pass',
    ],
    [
      'a preferred anti-affinity on other pods',
      antiAffinity('preferred', 'topology.kubernetes.io/zone', {
        matchLabels: { app: 'db' },
      }),
      'fail',
    ],
    ['nothing', { [`${spec}.topologySpreadConstraints`]: undefined }, 'fail'],
    [
      'malformed constraints',
      { [`${spec}.topologySpreadConstraints`]: 'spread' },
      'fail',
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
