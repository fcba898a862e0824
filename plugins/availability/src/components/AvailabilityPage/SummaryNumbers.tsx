import {
  AvailabilitySummary,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LevelChip } from '../LevelChip';

/** Entities without a score, counted apart from the averages and levels. */
function UnscoredCount(props: { unscored: AvailabilitySummary['unscored'] }) {
  const { noWorkloads, notJudged } = props.unscored;
  if (noWorkloads + notJudged === 0) {
    return null;
  }
  const parts = [
    noWorkloads ? `${noWorkloads} with no workloads found` : '',
    notJudged ? `${notJudged} with nothing judged` : '',
  ].filter(Boolean);
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="availability-unscored"
    >
      Not scored: {parts.join(', ')}
    </Typography>
  );
}

/** The overall card: the average score and the entities at each level. */
export function SummaryNumbers(props: { summary: AvailabilitySummary }) {
  const { summary } = props;
  return (
    <Box>
      <Box display="flex" alignItems="baseline" mb={2}>
        <Typography variant="h3" component="span">
          {Math.round(summary.averageScore)}
        </Typography>
        <Box ml={1}>
          <Typography variant="body2" color="textSecondary">
            average score over{' '}
            <span data-testid="availability-overall-total">
              {summary.totalEntities}
            </span>{' '}
            {summary.totalEntities === 1 ? 'entity' : 'entities'}
          </Typography>
        </Box>
      </Box>
      {LEVELS.map(level => (
        <Box key={level} display="flex" alignItems="center" mb={1}>
          <Box width={90}>
            <LevelChip level={level} />
          </Box>
          <Typography variant="body2">{summary.byLevel[level] ?? 0}</Typography>
        </Box>
      ))}
      <UnscoredCount unscored={summary.unscored} />
    </Box>
  );
}
