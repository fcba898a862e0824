import { blastRadiusOf } from './blastRadius';
import { drainReadinessOf } from './drainReadiness';
import { liveWorkloads } from './livePods';
import type { ClusterInput, FailureDomainsResponse } from './types';

/**
 * Blast radius and drain readiness of one cluster, reading its workloads
 * once for both.
 *
 * @public
 */
export function analyzeFailureDomains(
  input: ClusterInput,
): FailureDomainsResponse {
  const workloads = liveWorkloads(input);
  return {
    blastRadius: blastRadiusOf(input, workloads),
    drainReadiness: drainReadinessOf(input, workloads),
  };
}
