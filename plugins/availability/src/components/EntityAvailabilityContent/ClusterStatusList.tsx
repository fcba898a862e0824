import { EntityReportResponse } from '@availability-backstage/plugin-availability-common';
import { StatusError, StatusOK } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { formatRelative, formatTimestamp } from '../../lib/time';
import { StaleClusterNote } from './StaleClusterNote';

/** @internal */
export interface ClusterStatusListProps {
  response: EntityReportResponse;
  canRefresh: boolean;
  refreshing: boolean;
  onRefresh: () => void;
}

/**
 * How each cluster answered the last refresh, when that was, whether the
 * report is stale, and the refresh button for those allowed to use it.
 *
 * @internal
 */
export function ClusterStatusList(props: ClusterStatusListProps) {
  const { response, canRefresh, refreshing, onRefresh } = props;
  return (
    <Box>
      {response.clusters.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No cluster has been queried yet.
        </Typography>
      )}
      {response.clusters.map(cluster => (
        <Box key={cluster.cluster} mb={1}>
          {cluster.status === 'ok' ? (
            <StatusOK>{cluster.cluster}: reachable</StatusOK>
          ) : (
            <StatusError>
              {cluster.cluster}: unreachable
              {cluster.message ? ` (${cluster.message})` : ''}
            </StatusError>
          )}
          <StaleClusterNote cluster={cluster} />
        </Box>
      ))}
      <Box display="flex" alignItems="center" flexWrap="wrap" mt={1}>
        <Typography variant="body2" color="textSecondary">
          {response.refreshedAt ? (
            <Tooltip title={formatTimestamp(response.refreshedAt)}>
              <span>Refreshed {formatRelative(response.refreshedAt)}</span>
            </Tooltip>
          ) : (
            'Never refreshed successfully'
          )}
        </Typography>
        {response.stale && (
          <Tooltip
            title={
              response.lastError
                ? `Last refresh failed ${formatRelative(
                    response.lastError.at,
                  )}: ${response.lastError.message}`
                : 'The last refresh failed'
            }
          >
            <Box ml={1}>
              <Chip size="small" variant="outlined" label="Stale" />
            </Box>
          </Tooltip>
        )}
        {canRefresh && (
          <Box ml="auto">
            <Button
              size="small"
              variant="outlined"
              color="primary"
              startIcon={<RefreshIcon />}
              disabled={refreshing}
              onClick={onRefresh}
            >
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </Button>
          </Box>
        )}
      </Box>
      {response.lastError &&
        // An error older than the last good report is no longer news, and
        // one a cluster already says is said once.
        (!response.refreshedAt ||
          response.lastError.at >= response.refreshedAt) &&
        !response.clusters.some(
          c => c.message && response.lastError?.message.includes(c.message),
        ) && (
          <Typography variant="body2" color="error">
            Last error ({formatRelative(response.lastError.at)}):{' '}
            {response.lastError.message}
          </Typography>
        )}
    </Box>
  );
}
