import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ClusterSummary } from '@availability-backstage/plugin-availability-common';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import { formatRelative } from '../../lib/time';
import { cardTableOptions } from '../cardTableOptions';

const columns: TableColumn<ClusterSummary>[] = [
  {
    title: 'Cluster',
    field: 'cluster',
    render: row => (
      <Link to={`clusters/${encodeURIComponent(row.cluster)}`}>
        {row.cluster}
      </Link>
    ),
  },
  { title: 'Nodes', render: row => row.nodes ?? 'unknown' },
  { title: 'Zones', render: row => row.zones ?? 'unknown' },
  { title: 'Entities', field: 'entities' },
  {
    title: 'Last refresh',
    render: row =>
      row.refreshedAt ? formatRelative(row.refreshedAt) : 'never',
  },
];

/**
 * The clusters, each linking to its failure-domain view.
 *
 * @internal
 */
export function ClustersCard() {
  const api = useApi(availabilityApiRef);
  const loaded = useAsync(() => api.listClusters(), [api]);
  if (loaded.loading) return <Progress />;
  if (loaded.error) return <ResponseErrorPanel error={loaded.error} />;
  return (
    <InfoCard title="Clusters: failure domains and drain readiness" noPadding>
      <Table
        columns={columns}
        data={loaded.value?.items ?? []}
        options={cardTableOptions}
      />
    </InfoCard>
  );
}
