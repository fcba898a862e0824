import { AvailabilityReport } from '@availability-backstage/plugin-availability-common';
import { Gauge } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { describeWorkloadCounts } from '../../lib/counts';
import { levelColors, LevelChip } from '../LevelChip';

/** @internal */
export interface ScoreSummaryProps {
  report: AvailabilityReport;
  /** Said under the score when the report is stale ("as of 21:32; …"). */
  staleness?: string;
  /** "+6 since a week ago", when there is a trend to compare with. */
  delta?: string;
  size?: 'normal' | 'small';
}

/**
 * The entity's score as a gauge in its level's colour, its level, what the
 * counts cover, and whether the data is stale.
 *
 * @internal
 */
export function ScoreSummary(props: ScoreSummaryProps) {
  const { report, staleness, delta } = props;
  const color = levelColors[report.level ?? 'none'].background;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      {report.score === null ? (
        <Box mr={2}>
          <Typography variant="h5" component="span" data-testid="entity-score">
            no score
          </Typography>
        </Box>
      ) : (
        <Box
          width={props.size === 'small' ? 96 : 120}
          mr={2}
          data-testid="entity-score"
          aria-label={`Score ${report.score} of 100`}
          role="img"
        >
          <Gauge
            value={report.score / 100}
            size="small"
            unit=""
            getColor={() => color}
          />
        </Box>
      )}
      <Box>
        <Box display="flex" alignItems="center" mb={1}>
          <LevelChip level={report.level} size="medium" />
          {delta && (
            <Box ml={1}>
              <Typography variant="body2" component="span">
                {delta}
              </Typography>
            </Box>
          )}
        </Box>
        <Typography variant="body2">
          {describeWorkloadCounts(report.workloads)}
        </Typography>
        {staleness && (
          <Typography
            variant="body2"
            color="error"
            data-testid="availability-stale"
          >
            Stale: {staleness}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
