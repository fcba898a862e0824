/*
 * Test fixtures for spread-nodes and spread-zones: patches that spread the
 * Deployment fixture's pods over a topology key.
 */

const spec = 'spec.template.spec';
const own = { matchLabels: { app: 'api' } };

/** A topology spread constraint on `topologyKey` (and nothing else). */
export const constraint = (
  topologyKey: string,
  labelSelector: unknown = own,
) => ({
  [`${spec}.topologySpreadConstraints`]: [
    {
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector,
    },
  ],
});

/** A pod anti-affinity term on `topologyKey`, and no spread constraint. */
export const antiAffinity = (
  kind: 'required' | 'preferred',
  topologyKey: string,
  labelSelector: unknown = own,
) => ({
  [`${spec}.topologySpreadConstraints`]: undefined,
  [`${spec}.affinity`]: {
    podAntiAffinity:
      kind === 'required'
        ? {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey, labelSelector },
            ],
          }
        : {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: { topologyKey, labelSelector } },
            ],
          },
  },
});

/**
 * The cases both spread checks share, as [what, patch, status], for the
 * check's own topology key and another one.
 */
export function spreadingCases(
  key: string,
  otherKey: string,
): Array<[string, Record<string, unknown>, string]> {
  return [
    ['a spread constraint on the key', constraint(key), 'pass'],
    ['a spread constraint on another key', constraint(otherKey), 'fail'],
    [
      'a spread constraint selecting other pods',
      constraint(key, { matchLabels: { app: 'web' } }),
      'fail',
    ],
    ['a spread constraint without a selector', constraint(key, null), 'fail'],
    [
      'a spread constraint with matchExpressions',
      constraint(key, {
        matchExpressions: [{ key: 'app', operator: 'Exists' }],
      }),
      'pass',
    ],
    ['a required anti-affinity', antiAffinity('required', key), 'pass'],
    ['a preferred anti-affinity', antiAffinity('preferred', key), 'pass'],
    [
      'a preferred anti-affinity on other pods',
      antiAffinity('preferred', key, { matchLabels: { app: 'db' } }),
      'fail',
    ],
    ['nothing', { [`${spec}.topologySpreadConstraints`]: undefined }, 'fail'],
    [
      'malformed constraints',
      { [`${spec}.topologySpreadConstraints`]: 'spread' },
      'fail',
    ],
  ];
}
