import {
  analyzeFailureDomains,
  ClustersResponse,
  FailureDomainsResponse,
} from '@availability-backstage/plugin-availability-common';
import { NotFoundError } from '@backstage/errors';
import {
  StoredClusterNodes,
  StoredReport,
  StoredReportClusters,
} from '../database/AvailabilityStore';
import { workloadClusters } from '../database/reportColumns';

/**
 * The clusters known from Node lists and reports, with node and zone counts;
 * a cluster without a Node list is as fresh as its latest report.
 */
export function listClusters(
  nodeLists: StoredClusterNodes[],
  reports: StoredReportClusters[],
): ClustersResponse {
  const clusters = new Map<string, ClustersResponse['items'][number]>();
  for (const list of nodeLists) {
    clusters.set(list.cluster, {
      cluster: list.cluster,
      nodes: list.nodes.length,
      zones: new Set(list.nodes.flatMap(n => (n.zone ? [n.zone] : []))).size,
      entities: 0,
      refreshedAt: list.refreshedAt,
    });
  }
  for (const stored of reports) {
    for (const cluster of stored.clusters) {
      const entry = clusters.get(cluster) ?? {
        cluster,
        nodes: null,
        zones: null,
        entities: 0,
        refreshedAt: null,
      };
      clusters.set(cluster, entry);
      entry.entities += 1;
      if (!nodeLists.some(l => l.cluster === cluster)) {
        entry.refreshedAt =
          entry.refreshedAt && entry.refreshedAt > stored.refreshedAt
            ? entry.refreshedAt
            : stored.refreshedAt;
      }
    }
  }
  return {
    items: [...clusters.values()].sort((a, b) =>
      a.cluster.localeCompare(b.cluster),
    ),
  };
}

/** Blast radius and drain readiness of one cluster; not found when nothing knows it. */
export function clusterFailureDomains(
  cluster: string,
  nodeLists: StoredClusterNodes[],
  reports: StoredReport[],
): FailureDomainsResponse {
  const nodes = nodeLists.find(l => l.cluster === cluster)?.nodes;
  const entities = reports.filter(r =>
    workloadClusters(r.report).includes(cluster),
  );
  if (!nodes && entities.length === 0) {
    throw new NotFoundError(`No cluster ${cluster} is known`);
  }
  return analyzeFailureDomains({ cluster, nodes, entities });
}
