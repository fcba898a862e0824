import {
  CheckInfo,
  Level,
} from '@availability-backstage/plugin-availability-common';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { LevelExplanation } from '../../lib/levelExplanation';
import { LevelChip } from '../LevelChip';
import { SeverityChip } from '../SeverityChip';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  item: { marginBottom: theme.spacing(1) },
  line: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  id: { fontFamily: 'monospace' },
}));

/** @internal */
export interface LevelAdviceProps {
  explanation: LevelExplanation;
  /** The entity's level now, before any fix. */
  level: Level | null;
  catalog: Map<string, CheckInfo>;
  /** Jumps to a check's row in its workload section. */
  onShowCheck: (workload: string, checkId: string) => void;
}

/**
 * Why the entity has its level, and the fewest fixes to the next one, each
 * with the score it adds: what a service owner should read first.
 *
 * @internal
 */
export function LevelAdvice(props: LevelAdviceProps) {
  const { explanation, level, catalog, onShowCheck } = props;
  const classes = useStyles();
  const title = (id: string) => catalog.get(id)?.title ?? id;
  return (
    <Box>
      <Typography
        variant="body1"
        data-testid="availability-level-explanation"
        gutterBottom
      >
        {explanation.reason}
        {explanation.next ? ` ${explanation.next}` : ''}
      </Typography>
      {explanation.fixFirst.length > 0 && (
        <Box data-testid="availability-fix-first">
          <Typography variant="h6" component="h3" gutterBottom>
            Fix first
          </Typography>
          <ol className={classes.list}>
            {explanation.fixFirst.map((item, index) => {
              const [kind, , name] = item.workload.split('/');
              const before =
                index === 0 ? level : explanation.fixFirst[index - 1].level;
              return (
                <li key={item.fix} className={classes.item}>
                  <Box className={classes.line}>
                    <Link
                      component="button"
                      variant="body2"
                      onClick={() => onShowCheck(item.workload, item.checkId)}
                      // The visible title first, then what makes it unique.
                      aria-label={`${title(item.checkId)}: show ${
                        item.checkId
                      } of ${kind} ${name}`}
                    >
                      {title(item.checkId)}
                    </Link>
                    <SeverityChip severity={item.severity} />
                    <Typography variant="body2" component="span">
                      <strong>+{item.adds}</strong> → {item.score}
                    </Typography>
                    {item.level !== before && <LevelChip level={item.level} />}
                  </Box>
                  <Typography variant="caption" color="textSecondary">
                    <span className={classes.id}>{item.checkId}</span> on {kind}{' '}
                    {name}
                    {item.clusters.length > 0
                      ? ` in ${item.clusters.join(', ')}`
                      : ''}
                  </Typography>
                </li>
              );
            })}
          </ol>
        </Box>
      )}
    </Box>
  );
}
