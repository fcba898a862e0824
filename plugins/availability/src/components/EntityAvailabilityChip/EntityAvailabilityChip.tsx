import { CompoundEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { useEntityAvailability } from '../../hooks/useEntityAvailability';
import { LevelChip } from '../LevelChip';

/** @public */
export interface EntityAvailabilityChipProps {
  /** The entity, as a ref (`component:default/checkout-api`) or its parts. */
  entityRef: string | CompoundEntityRef;
}

/**
 * The entity's availability level and score in one line, for tables and
 * lists; tells apart an entity without a report and a failed request.
 *
 * @public
 */
export function EntityAvailabilityChip(props: EntityAvailabilityChipProps) {
  const { loading, error, summary } = useEntityAvailability(props.entityRef);

  if (loading) {
    return (
      <Skeleton variant="text" width={90} aria-label="Loading availability" />
    );
  }
  if (error) {
    return (
      <Tooltip title={error.message}>
        <Typography
          variant="caption"
          color="error"
          data-testid="entity-availability-chip"
        >
          Availability unavailable
        </Typography>
      </Tooltip>
    );
  }
  if (!summary) {
    return (
      <Typography
        variant="caption"
        color="textSecondary"
        data-testid="entity-availability-chip"
      >
        Not evaluated
      </Typography>
    );
  }
  // A report where nothing counts may carry no score.
  const score = summary.score as number | null;
  return (
    <Tooltip
      title={
        summary.stale
          ? `The last refresh failed; report of ${summary.refreshedAt}`
          : `Report of ${summary.refreshedAt}`
      }
    >
      <Box
        display="inline-flex"
        alignItems="center"
        style={{ gap: 6 }}
        data-testid="entity-availability-chip"
      >
        <LevelChip level={summary.level} />
        <Typography variant="body2" component="span">
          {score === null ? 'no score' : score}
          {summary.stale ? ' (stale)' : ''}
        </Typography>
      </Box>
    </Tooltip>
  );
}
