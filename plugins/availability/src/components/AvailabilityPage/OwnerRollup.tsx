import {
  AvailabilitySummary,
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { levelColors, levelLabel } from '../LevelChip';

// Worst first, as the bar reads from the left.
const levels: Level[] = [...LEVELS].reverse();

type OwnerRow = AvailabilitySummary['byOwner'][number];

/**
 * How many of a team's services are below silver: a critical failure keeps
 * an entity below silver, so this counts those too.
 */
function belowSilver(row: OwnerRow): number {
  return (row.byLevel.bronze ?? 0) + (row.byLevel.none ?? 0);
}

/** Teams ranked by harm: the share below silver, then the count, then the average. */
export function rankOwners(byOwner: OwnerRow[]): OwnerRow[] {
  const share = (row: OwnerRow) =>
    row.entities ? belowSilver(row) / row.entities : 0;
  return [...byOwner].sort(
    (a, b) =>
      share(b) - share(a) ||
      belowSilver(b) - belowSilver(a) ||
      a.averageScore - b.averageScore ||
      a.owner.localeCompare(b.owner),
  );
}

/** A stacked bar of an owner's level distribution, each segment with its count. */
function LevelBar(props: { byLevel: Record<Level, number> }) {
  const total = LEVELS.reduce((sum, l) => sum + (props.byLevel[l] ?? 0), 0);
  const description = LEVELS.map(
    l => `${props.byLevel[l] ?? 0} ${levelLabel(l).toLowerCase()}`,
  ).join(', ');
  return (
    <Box
      display="flex"
      height={20}
      width="100%"
      minWidth={120}
      borderRadius={4}
      overflow="hidden"
      role="img"
      aria-label={description}
      title={description}
    >
      {total > 0 &&
        levels.map(l =>
          props.byLevel[l] ? (
            <Box
              key={l}
              width={`${(100 * props.byLevel[l]) / total}%`}
              bgcolor={levelColors[l].background}
              color={levelColors[l].text}
              fontSize={12}
              fontWeight={600}
              lineHeight="20px"
              textAlign="center"
              aria-hidden
            >
              {props.byLevel[l]}
            </Box>
          ) : null,
        )}
    </Box>
  );
}

/** "+6 since Mar 3", "no change since Mar 3", or a dash without an earlier point. */
function WeekDelta(props: { row: OwnerRow }) {
  const { previous, averageScore } = props.row;
  if (!previous) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        –
      </Typography>
    );
  }
  const delta = Math.round(averageScore - previous.averageScore);
  const since = new Date(`${previous.since}T00:00:00Z`).toLocaleDateString(
    'en-US',
    { month: 'short', day: 'numeric', timeZone: 'UTC' },
  );
  const text =
    delta === 0
      ? `no change since ${since}`
      : `${delta > 0 ? '+' : '−'}${Math.abs(delta)} since ${since}`;
  return (
    <Typography
      variant="body2"
      component="span"
      title={`Average ${Math.round(previous.averageScore)} on ${
        previous.since
      }, ${Math.round(averageScore)} now`}
    >
      {text}
    </Typography>
  );
}

/** @internal */
export interface OwnerRollupProps {
  byOwner: AvailabilitySummary['byOwner'];
  onSelectOwner: (owner: string) => void;
}

/**
 * Teams ranked by harm (the share of their services below silver), with
 * their level counts and the change of their average against about a week
 * ago; a team's name shows its entities in the table.
 *
 * @internal
 */
export function OwnerRollup(props: OwnerRollupProps) {
  const rows = rankOwners(props.byOwner);
  return (
    <Box maxHeight={360} overflow="auto">
      <Table size="small" aria-label="Availability by owner" stickyHeader>
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            <TableCell align="right">Below silver</TableCell>
            <TableCell align="right">Average score</TableCell>
            <TableCell align="right">vs a week ago</TableCell>
            <TableCell>Levels (worst left)</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.owner} hover>
              <TableCell>
                {row.owner ? (
                  <Link
                    component="button"
                    variant="body2"
                    onClick={() => props.onSelectOwner(row.owner)}
                    title={`Show the entities of ${row.owner}`}
                  >
                    <EntityDisplayName
                      entityRef={row.owner}
                      defaultKind="group"
                      hideIcon
                      disableTooltip
                    />
                  </Link>
                ) : (
                  'No owner'
                )}
              </TableCell>
              <TableCell align="right">
                {belowSilver(row)} of {row.entities}
              </TableCell>
              <TableCell align="right">
                {Math.round(row.averageScore)}
              </TableCell>
              <TableCell align="right">
                <WeekDelta row={row} />
              </TableCell>
              <TableCell>
                <LevelBar byLevel={row.byLevel} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
