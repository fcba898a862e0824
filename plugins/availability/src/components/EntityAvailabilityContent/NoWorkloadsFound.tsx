import { ClusterStatus } from '@availability-backstage/plugin-availability-common';
import { Entity } from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { AVAILABILITY_ANNOTATIONS } from '../../conditions';

/** @internal */
export interface NoWorkloadsFoundProps {
  entity: Entity;
  /** The clusters the last refresh asked, as the report response lists them. */
  clusters: ClusterStatus[];
}

/**
 * Says that no cluster holds an object matching the entity's annotations,
 * naming the annotations and values looked for and the clusters asked, so
 * that an owner can tell a typo from a service not deployed yet.
 *
 * @internal
 */
export function NoWorkloadsFound(props: NoWorkloadsFoundProps) {
  const annotations = props.entity.metadata.annotations ?? {};
  const lookedFor = AVAILABILITY_ANNOTATIONS.filter(a => annotations[a]);
  const asked = props.clusters.map(c => c.cluster);
  return (
    <Box data-testid="availability-no-workloads">
      <EmptyState
        missing="data"
        title="No workloads found"
        description={
          <>
            <Typography variant="body1" component="span" display="block">
              No Deployment, StatefulSet, DaemonSet, Rollout or Pod in the
              clusters matches this entity, so it has no score.
            </Typography>
            <Typography variant="body2" component="span" display="block">
              Looked for{' '}
              {lookedFor.map((annotation, i) => (
                <span key={annotation}>
                  {i > 0 && ' or '}
                  <code>
                    {annotation}: {annotations[annotation]}
                  </code>
                </span>
              ))}{' '}
              in{' '}
              {asked.length
                ? `${asked.length === 1 ? 'cluster' : 'clusters'} ${asked.join(
                    ', ',
                  )}`
                : 'no cluster (none is configured or reachable)'}
              .
            </Typography>
          </>
        }
      />
    </Box>
  );
}
