import { PodEvidence } from '@availability-backstage/plugin-availability-common';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { groupPods } from '../../lib/podPlacement';

function PlacementTable(props: {
  pods: PodEvidence[];
  by: 'node' | 'zone';
  title: string;
}) {
  const groups = groupPods(props.pods, props.by);
  return (
    <>
      <Typography variant="subtitle2">{props.title}</Typography>
      <Table size="small" aria-label={props.title}>
        <TableHead>
          <TableRow>
            <TableCell>{props.by === 'node' ? 'Node' : 'Zone'}</TableCell>
            <TableCell align="right">Ready / pods</TableCell>
            <TableCell>Pods</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map(group => (
            <TableRow key={group.key ?? '-'}>
              <TableCell>
                {group.key ??
                  (props.by === 'node' ? 'not scheduled' : 'unknown zone')}
              </TableCell>
              <TableCell align="right">
                {group.ready} / {group.pods.length}
              </TableCell>
              <TableCell>
                {group.pods
                  .map(
                    pod =>
                      `${pod.name}${pod.ready ? '' : ' (not ready)'}${
                        pod.restarts ? `, ${pod.restarts} restarts` : ''
                      }`,
                  )
                  .join('; ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** @internal */
export interface PodPlacementProps {
  pods: PodEvidence[];
}

/**
 * Where a workload's pods run, per node and per zone, so that a single node
 * or zone holding every replica is visible at a glance.
 *
 * @internal
 */
export function PodPlacement(props: PodPlacementProps) {
  const hasZones = props.pods.some(pod => pod.zone);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={hasZones ? 6 : 12}>
        <PlacementTable pods={props.pods} by="node" title="Pods per node" />
      </Grid>
      {hasZones && (
        <Grid item xs={12} md={6}>
          <PlacementTable pods={props.pods} by="zone" title="Pods per zone" />
        </Grid>
      )}
    </Grid>
  );
}
