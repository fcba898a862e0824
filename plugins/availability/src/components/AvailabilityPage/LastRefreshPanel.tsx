import { RefreshRun } from '@availability-backstage/plugin-availability-common';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { availabilityApiRef } from '../../api';
import { formatRelative, formatTimestamp } from '../../lib/time';

const STATUS_LABELS: Record<RefreshRun['status'], string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

function seconds(ms: number) {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function RunDetails(props: { run: RefreshRun }) {
  const { run } = props;
  const failedClusters = run.clusters.filter(c => c.status === 'error');
  const requests = run.clusters.reduce((sum, c) => sum + c.requests, 0);
  return (
    <Box>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Chip
          size="small"
          label={STATUS_LABELS[run.status]}
          color={run.status === 'succeeded' ? 'primary' : 'secondary'}
        />
        <Box ml={1}>
          <Tooltip title={formatTimestamp(run.startedAt)}>
            <Typography variant="body2" component="span">
              started {formatRelative(run.startedAt)}
              {run.durationMs !== null && `, took ${seconds(run.durationMs)}`}
            </Typography>
          </Tooltip>
        </Box>
      </Box>
      <Typography variant="body2">
        {run.entities.ok} ok, {run.entities.failed} failed,{' '}
        {run.entities.removed} removed of {run.entities.total} entities;{' '}
        {requests} Kubernetes API requests over {run.clusters.length}{' '}
        {run.clusters.length === 1 ? 'cluster' : 'clusters'}
      </Typography>
      {failedClusters.map(c => (
        <Typography key={c.cluster} variant="body2" color="error">
          {c.cluster}: {c.message ?? 'failed'}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * When every entity was last refreshed, and how that went.
 *
 * @internal
 */
export function LastRefreshPanel() {
  const api = useApi(availabilityApiRef);
  const { value, error } = useAsync(() => api.getRefreshStatus(), [api]);
  // The page works without it: an older backend has no GET /refresh.
  if (error || !value) return null;
  return (
    <Box mb={2} data-testid="last-refresh-panel">
      <InfoCard title="Last refresh">
        {value.run ? (
          <RunDetails run={value.run} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No full refresh has run yet.
          </Typography>
        )}
      </InfoCard>
    </Box>
  );
}
