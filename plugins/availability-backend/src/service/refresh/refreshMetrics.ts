import type { MetricsService } from '@backstage/backend-plugin-api/alpha';

/**
 * The refresh's OpenTelemetry instruments, through the backend's metrics
 * service (`metricsServiceRef`, alpha in this Backstage version).
 */
export interface RefreshMetrics {
  kubeRequests(cluster: string, count: number): void;
  clusterError(cluster: string): void;
  entities(outcome: 'ok' | 'failed' | 'removed', count: number): void;
  passDuration(ms: number, status: string): void;
}

export function createRefreshMetrics(
  metrics: MetricsService | undefined,
): RefreshMetrics | undefined {
  if (!metrics) return undefined;
  const requests = metrics.createCounter<{ cluster: string }>(
    'availability.refresh.kube_requests',
    {
      description:
        'Kubernetes API requests sent to clusters (through the kubernetes backend) by availability refreshes',
      unit: '{request}',
    },
  );
  const errors = metrics.createCounter<{ cluster: string }>(
    'availability.refresh.cluster_errors',
    {
      description:
        'Clusters that failed during a full availability refresh, once per pass',
      unit: '{error}',
    },
  );
  const entities = metrics.createCounter<{ outcome: string }>(
    'availability.refresh.entities',
    { description: 'Entities refreshed by full refreshes, by outcome' },
  );
  const duration = metrics.createHistogram<{ status: string }>(
    'availability.refresh.duration',
    { description: 'Wall time of a full availability refresh', unit: 'ms' },
  );
  return {
    kubeRequests: (cluster, count) => requests.add(count, { cluster }),
    clusterError: cluster => errors.add(1, { cluster }),
    entities: (outcome, count) => entities.add(count, { outcome }),
    passDuration: (ms, status) => duration.record(ms, { status }),
  };
}
