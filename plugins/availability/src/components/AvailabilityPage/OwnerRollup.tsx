import {
  AvailabilitySummary,
  Level,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';
import { parseEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import { levelColors, levelLabel } from '../LevelChip';

function ownerName(owner: string): string {
  try {
    return parseEntityRef(owner, { defaultKind: 'group' }).name;
  } catch {
    return owner;
  }
}

/** A thin stacked bar of an owner's level distribution. */
function LevelBar(props: { byLevel: Record<Level, number> }) {
  const total = LEVELS.reduce((sum, l) => sum + (props.byLevel[l] ?? 0), 0);
  const description = LEVELS.map(
    l => `${props.byLevel[l] ?? 0} ${levelLabel(l).toLowerCase()}`,
  ).join(', ');
  return (
    <Tooltip title={description}>
      <Box
        display="flex"
        height={10}
        width="100%"
        minWidth={80}
        borderRadius={4}
        overflow="hidden"
        role="img"
        aria-label={description}
      >
        {total > 0 &&
          LEVELS.map(l =>
            props.byLevel[l] ? (
              <Box
                key={l}
                width={`${(100 * props.byLevel[l]) / total}%`}
                bgcolor={levelColors[l].background}
              />
            ) : null,
          )}
      </Box>
    </Tooltip>
  );
}

/** @internal */
export interface OwnerRollupProps {
  byOwner: AvailabilitySummary['byOwner'];
  onSelectOwner: (owner: string) => void;
}

/**
 * Average score and level distribution per owning team, worst first; a
 * team's name filters the table to its entities.
 *
 * @internal
 */
export function OwnerRollup(props: OwnerRollupProps) {
  const rows = [...props.byOwner].sort(
    (a, b) => a.averageScore - b.averageScore || a.owner.localeCompare(b.owner),
  );
  return (
    <Box maxHeight={360} overflow="auto">
      <Table size="small" aria-label="Availability by owner" stickyHeader>
        <TableHead>
          <TableRow>
            <TableCell>Owner</TableCell>
            <TableCell align="right">Entities</TableCell>
            <TableCell align="right">Average score</TableCell>
            <TableCell>Levels</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.owner} hover>
              <TableCell>
                <Link
                  component="button"
                  variant="body2"
                  onClick={() => props.onSelectOwner(row.owner)}
                  title={`Show the entities of ${row.owner}`}
                >
                  {ownerName(row.owner)}
                </Link>
              </TableCell>
              <TableCell align="right">{row.entities}</TableCell>
              <TableCell align="right">
                {Math.round(row.averageScore)}
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
