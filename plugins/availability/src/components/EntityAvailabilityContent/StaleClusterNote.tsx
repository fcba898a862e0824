import { ClusterStatus } from '@availability-backstage/plugin-availability-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatRelative, formatTimestamp } from '../../lib/time';

/**
 * For a cluster that failed: whether its workloads in the report are kept
 * from an earlier refresh, and since when.
 *
 * @internal
 */
export function StaleClusterNote(props: { cluster: ClusterStatus }) {
  const { cluster } = props;
  if (cluster.status !== 'error') return null;
  if (!cluster.lastSuccessAt) {
    return (
      <Typography variant="body2" color="textSecondary">
        Never answered; its workloads are missing from the report.
      </Typography>
    );
  }
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid={`stale-cluster-${cluster.cluster}`}
    >
      {cluster.stale ? 'Stale: its workloads are shown as of ' : 'Last answered '}
      <Tooltip title={formatTimestamp(cluster.lastSuccessAt)}>
        <span>{formatRelative(cluster.lastSuccessAt)}</span>
      </Tooltip>
      {cluster.stale ? ', when it last answered.' : '.'}
    </Typography>
  );
}
