import {
  daemonSet,
  deployment,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';
import { antiAffinity, constraint } from './__fixtures__/spreading';

const spec = 'spec.template.spec';

describe('spread-nodes', () => {
  it.each([
    [
      'a spread constraint on the key',
      constraint('kubernetes.io/hostname'),
      'pass',
    ],
    [
      'a spread constraint on kubernetes.io/hostname',
      constraint('kubernetes.io/hostname'),
      'pass',
    ],
    [
      'a spread constraint on another key',
      constraint('topology.kubernetes.io/zone'),
      'fail',
    ],
    [
      'a spread constraint selecting other pods',
      constraint('kubernetes.io/hostname', { matchLabels: { app: 'web' } }),
      'fail',
    ],
    [
      'a spread constraint without a selector',
      constraint('kubernetes.io/hostname', null),
      'fail',
    ],
    [
      'a spread constraint with matchExpressions',
      constraint('kubernetes.io/hostname', {
        matchExpressions: [{ key: 'app', operator: 'Exists' }],
      }),
      'pass',
    ],
    [
      'a required anti-affinity',
      antiAffinity('required', 'kubernetes.io/hostname'),
      'pass',
    ],
    [
      'a preferred anti-affinity',
      antiAffinity('preferred', 'kubernetes.io/hostname'),
      'pass',
    ],
    [
      'a preferred anti-affinity on other pods',
      antiAffinity('preferred', 'kubernetes.io/hostname', {
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
