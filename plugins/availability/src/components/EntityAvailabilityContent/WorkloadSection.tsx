import {
  CheckInfo,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LevelChip } from '../LevelChip';
import { CheckGroups } from './CheckGroups';
import { PodPlacement } from './PodPlacement';
import { WorstDomains } from './WorstDomains';

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

/** @internal */
export interface WorkloadSectionProps {
  workload: WorkloadReport;
  catalog: Map<string, CheckInfo>;
}

/**
 * One workload (or Service) of the entity: where it runs, its score and
 * its checks.
 *
 * @internal
 */
export function WorkloadSection(props: WorkloadSectionProps) {
  const { workload, catalog } = props;
  const replicas = describeReplicas(workload);
  const pods = workload.evidence?.pods ?? [];
  const where = [
    `namespace ${workload.namespace}`,
    workload.cluster ? `cluster ${workload.cluster}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <InfoCard
      title={`${workload.kind} ${workload.name}`}
      subheader={where}
      headerProps={{
        action: (
          <Box display="flex" alignItems="center" mt={1} mr={1}>
            {workload.score !== null && (
              <Typography variant="h6" component="span">
                {workload.score}
              </Typography>
            )}
            <Box ml={1}>
              <LevelChip level={workload.level} />
            </Box>
          </Box>
        ),
      }}
    >
      {replicas && (
        <Typography variant="body2" gutterBottom>
          Replicas: {replicas}
        </Typography>
      )}
      <WorstDomains workload={workload} />
      {pods.length > 0 && (
        <Box mb={2}>
          <PodPlacement pods={pods} />
        </Box>
      )}
      <CheckGroups checks={workload.checks} catalog={catalog} />
    </InfoCard>
  );
}
