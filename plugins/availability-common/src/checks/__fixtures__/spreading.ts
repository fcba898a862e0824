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
