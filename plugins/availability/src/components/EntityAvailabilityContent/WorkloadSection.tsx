import {
  CheckInfo,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { WorkloadGroup } from '../../lib/workloadGroups';
import { levelColors, levelLabel } from '../LevelChip';
import { CheckGroups } from './CheckGroups';
import { PodPlacement } from './PodPlacement';
import { WorstDomains } from './WorstDomains';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  clusters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
}));

function describeReplicas(workload: WorkloadReport): string | undefined {
  const replicas = workload.evidence?.replicas;
  if (!replicas) {
    return undefined;
  }
  const parts = [];
  if (replicas.ready !== undefined) {
    parts.push(`${replicas.ready} ready`);
  }
  if (replicas.desired !== undefined) {
    parts.push(`${replicas.desired} desired`);
  }
  return parts.length ? parts.join(' of ') : undefined;
}

function podCount(workloads: WorkloadReport[]): string {
  const pods = workloads.reduce(
    (sum, w) => sum + (w.evidence?.pods?.length ?? 0),
    0,
  );
  const clusters = workloads.length;
  return `${pods} ${pods === 1 ? 'pod' : 'pods'}${
    clusters > 1 ? ` in ${clusters} clusters` : ''
  }`;
}

/** A cluster's score and level for one workload, in the level's colours. */
function ClusterScore(props: { workload: WorkloadReport }) {
  const { workload } = props;
  const colors = levelColors[workload.level ?? 'none'];
  const replicas = describeReplicas(workload);
  const label = `${workload.cluster ?? 'manifests'} · ${
    workload.score ?? 'no score'
  } ${levelLabel(workload.level)}${replicas ? ` · ${replicas}` : ''}`;
  return (
    <Chip
      size="small"
      label={label}
      style={{ backgroundColor: colors.background, color: colors.text }}
    />
  );
}

/** @internal */
export interface WorkloadSectionProps {
  group: WorkloadGroup;
  catalog: Map<string, CheckInfo>;
  /** Said on the pod tables when they come from a stale report. */
  staleness?: string;
  /** Where a pod's details live (the Kubernetes tab), if there is one. */
  podsLink?: string;
}

/**
 * One workload (or Service) of the entity across the clusters it runs in:
 * its score per cluster, where its pods run, and its checks once, each
 * saying the clusters it fails in.
 *
 * @internal
 */
export function WorkloadSection(props: WorkloadSectionProps) {
  const { group, catalog } = props;
  const classes = useStyles();
  const multiCluster = group.instances.length > 1;
  const withPods = group.instances.filter(w => w.evidence?.pods?.length);
  const podsTitle = `Where the pods run (${podCount(withPods)})${
    props.staleness ? `, ${props.staleness}` : ''
  }`;

  return (
    <Paper
      className={classes.root}
      component="section"
      aria-label={`${group.kind} ${group.name}`}
    >
      <Box className={classes.header}>
        <Typography variant="h6" component="h3">
          {group.kind} {group.name}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          namespace {group.namespace}
        </Typography>
      </Box>
      <Box className={classes.clusters}>
        {group.instances.map(workload => (
          <ClusterScore key={workload.cluster ?? ''} workload={workload} />
        ))}
      </Box>
      {group.instances.map(workload => (
        <WorstDomains key={workload.cluster ?? ''} workload={workload} />
      ))}
      {withPods.length > 0 && (
        <Accordion TransitionProps={{ unmountOnExit: true }}>
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            aria-label={`${podsTitle}, ${group.name}`}
          >
            <Typography variant="subtitle2" component="h4">
              {podsTitle}
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Box width="100%">
              {withPods.map(workload => (
                <Box mb={2} key={workload.cluster ?? ''}>
                  <PodPlacement
                    pods={workload.evidence?.pods ?? []}
                    cluster={workload.cluster}
                    staleness={props.staleness}
                    podsLink={props.podsLink}
                  />
                </Box>
              ))}
            </Box>
          </AccordionDetails>
        </Accordion>
      )}
      <CheckGroups
        workload={group.key}
        workloadName={group.name}
        rows={group.rows}
        multiCluster={multiCluster}
        catalog={catalog}
      />
    </Paper>
  );
}
