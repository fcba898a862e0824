/*
 * spread-nodes and spread-zones: the same rules over different topology
 * keys.
 */
import {
  daemonSet,
  deployment,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';
import { constraint, spreadingCases } from './__fixtures__/spreading';

const spec = 'spec.template.spec';

type Case = [string, Record<string, unknown>, string];

describe.each([
  {
    check: 'spread-nodes',
    key: 'kubernetes.io/hostname',
    otherKey: 'topology.kubernetes.io/zone',
    extraCases: [] as Case[],
    // The StatefulSet fixture spreads over nodes only.
    statefulSet: 'pass',
  },
  {
    check: 'spread-zones',
    key: 'topology.kubernetes.io/zone',
    otherKey: 'kubernetes.io/hostname',
    extraCases: [
      [
        'a spread constraint on failure-domain.beta.kubernetes.io/zone',
        constraint('failure-domain.beta.kubernetes.io/zone'),
        'pass',
      ] as Case,
    ],
    statefulSet: 'fail',
  },
])('$check', ({ check, key, otherKey, extraCases, statefulSet: status }) => {
  it.each([...spreadingCases(key, otherKey), ...extraCases])(
    '%s gives %s',
    (_, patch, expected) => {
      expect(resultOf([deployment(patch)], check).status).toBe(expected);
    },
  );

  it('proposes a constraint with the pod labels', () => {
    const result = resultOf(
      [deployment({ [`${spec}.topologySpreadConstraints`]: [] })],
      check,
    );
    expect(result.remediation).toContain(`topologyKey: ${key}`);
    expect(result.remediation).toContain('app: api');
  });

  it('applies to StatefulSets but not DaemonSets', () => {
    expect(
      resultOf([statefulSet()], check, { kind: 'StatefulSet' }).status,
    ).toBe(status);
    expect(resultOf([daemonSet()], check, { kind: 'DaemonSet' }).status).toBe(
      'not-applicable',
    );
  });
});
