import {
  AvailabilitySummary,
  CheckInfo,
  SEVERITY_WEIGHTS,
} from '@availability-backstage/plugin-availability-common';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { SeverityChip } from '../SeverityChip';

/** @internal */
export interface TopFailingChecksProps {
  byCheck: AvailabilitySummary['byCheck'];
  totalEntities: number;
  checks: Map<string, CheckInfo>;
  limit?: number;
  onSelectCheck: (id: string) => void;
}

/** "Fixing it moves 3 services up a level", when it moves any. */
function movesUpText(movesUp: number): string | undefined {
  if (movesUp <= 0) {
    return undefined;
  }
  return `Fixing it moves ${movesUp} ${
    movesUp === 1 ? 'service' : 'services'
  } up a level`;
}

/**
 * The checks that cost the org most: severity weight × entities failing
 * them, so that a critical check failing in three services outranks a low
 * one failing in ten; each says how many services fixing it alone lifts a
 * level; a check filters the table to the entities that fail it.
 *
 * @internal
 */
export function TopFailingChecks(props: TopFailingChecksProps) {
  const harm = (entry: { id: string; failing: number }) =>
    (SEVERITY_WEIGHTS[props.checks.get(entry.id)?.severity ?? 'low'] ?? 1) *
    entry.failing;
  const top = props.byCheck
    .filter(entry => entry.failing > 0)
    .sort((a, b) => harm(b) - harm(a) || a.id.localeCompare(b.id))
    .slice(0, props.limit ?? 10);
  if (top.length === 0) {
    return (
      <Typography variant="body2">
        No check fails anywhere. Well done.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Top failing checks" disablePadding>
      {top.map(entry => {
        const info = props.checks.get(entry.id);
        const share = props.totalEntities
          ? Math.round((100 * entry.failing) / props.totalEntities)
          : 0;
        return (
          <ListItem key={entry.id} disableGutters>
            <ListItemText
              primary={
                <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                  <Link
                    component="button"
                    variant="body2"
                    onClick={() => props.onSelectCheck(entry.id)}
                  >
                    {info?.title ?? entry.id}
                  </Link>
                  {info && <SeverityChip severity={info.severity} />}
                </Box>
              }
              secondary={
                <>
                  {entry.id}
                  {movesUpText(entry.movesUp) && (
                    <>
                      {' · '}
                      <strong>{movesUpText(entry.movesUp)}</strong>
                    </>
                  )}
                </>
              }
            />
            <Box ml={2} textAlign="right" whiteSpace="nowrap">
              <Typography variant="body2">
                {entry.failing} {entry.failing === 1 ? 'entity' : 'entities'}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {share}% of {props.totalEntities}
              </Typography>
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
}
