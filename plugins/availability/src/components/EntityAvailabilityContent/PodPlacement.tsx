import { PodEvidence } from '@availability-backstage/plugin-availability-common';
import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';
import { groupPods } from '../../lib/podPlacement';

function PodName(props: { pod: PodEvidence; podsLink?: string }) {
  const { pod, podsLink } = props;
  const text = `${pod.name}${pod.ready ? '' : ' (not ready)'}${
    pod.restarts ? `, ${pod.restarts} restarts` : ''
  }`;
  return podsLink ? (
    <Link to={podsLink} title={`Open ${pod.name} in the Kubernetes tab`}>
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}

function PlacementTable(props: {
  pods: PodEvidence[];
  by: 'node' | 'zone';
  title: string;
  podsLink?: string;
}) {
  const groups = groupPods(props.pods, props.by);
  const ready = props.pods.filter(pod => pod.ready).length;
  return (
    <>
      <Typography variant="subtitle2" component="h4">
        {props.title}
      </Typography>
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
                {group.key && ready > 0 && group.ready === ready && (
                  <Chip
                    size="small"
                    label="single point of failure"
                    title={`Every ready pod runs in this ${props.by}`}
                    style={{
                      marginLeft: 8,
                      backgroundColor: '#B71C1C',
                      color: '#fff',
                    }}
                  />
                )}
              </TableCell>
              <TableCell align="right">
                {group.ready} / {group.pods.length}
              </TableCell>
              <TableCell>
                {group.pods.map((pod, index) => (
                  <Fragment key={pod.name}>
                    {index > 0 && '; '}
                    <PodName pod={pod} podsLink={props.podsLink} />
                  </Fragment>
                ))}
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
  cluster?: string;
  /** Said above the tables when they come from a stale report. */
  staleness?: string;
  /** Where the pods' details live (the Kubernetes tab). */
  podsLink?: string;
}

/**
 * Where a workload's pods run in one cluster, per node and per zone; a node
 * or zone that holds every ready pod is marked as the single point of
 * failure it is.
 *
 * @internal
 */
export function PodPlacement(props: PodPlacementProps) {
  const hasZones = props.pods.some(pod => pod.zone);
  const suffix = props.cluster ? ` in ${props.cluster}` : '';
  return (
    <>
      {props.staleness && (
        <Typography variant="body2" color="error">
          Pods{suffix} {props.staleness}
        </Typography>
      )}
      <Grid container spacing={2}>
        {(hasZones ? (['node', 'zone'] as const) : (['node'] as const)).map(
          by => (
            <Grid item xs={12} md={hasZones ? 6 : 12} key={by}>
              <PlacementTable
                pods={props.pods}
                by={by}
                title={`Pods per ${by}${suffix}`}
                podsLink={props.podsLink}
              />
            </Grid>
          ),
        )}
      </Grid>
    </>
  );
}
