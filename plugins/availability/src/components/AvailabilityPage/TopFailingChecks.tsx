import {
  AvailabilitySummary,
  CheckInfo,
} from '@availability-backstage/plugin-availability-common';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

/** @internal */
export interface TopFailingChecksProps {
  byCheck: AvailabilitySummary['byCheck'];
  totalEntities: number;
  checks: Map<string, CheckInfo>;
  limit?: number;
  onSelectCheck: (id: string) => void;
}

/**
 * The checks that fail for the most entities across the org; a check
 * filters the table to the entities that fail it.
 *
 * @internal
 */
export function TopFailingChecks(props: TopFailingChecksProps) {
  const top = props.byCheck
    .filter(entry => entry.failing > 0)
    .sort((a, b) => b.failing - a.failing || a.id.localeCompare(b.id))
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
                <Link
                  component="button"
                  variant="body2"
                  onClick={() => props.onSelectCheck(entry.id)}
                >
                  {info?.title ?? entry.id}
                </Link>
              }
              secondary={`${entry.id}${info ? ` · ${info.severity}` : ''}`}
            />
            <Box ml={2} textAlign="right" whiteSpace="nowrap">
              <Typography variant="body2">
                {entry.failing} {entry.failing === 1 ? 'entity' : 'entities'}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {share}%
              </Typography>
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
}
