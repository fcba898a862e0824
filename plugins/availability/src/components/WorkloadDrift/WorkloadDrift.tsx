import {
  AvailabilityReport,
  workloadDrift,
} from '@availability-backstage/plugin-availability-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * The entity's workloads judged differently in two or more clusters, with
 * the checks that differ; nothing when they agree.
 *
 * @internal
 */
export function WorkloadDrift(props: { report: AvailabilityReport }) {
  const drift = workloadDrift(props.report);
  if (drift.length === 0) {
    return null;
  }
  return (
    <InfoCard title="Drift between clusters">
      <Box data-testid="availability-drift">
        {drift.map(item => (
          <Box key={`${item.kind}/${item.namespace}/${item.name}`} mb={1}>
            <Typography variant="subtitle2">
              {item.kind} {item.namespace}/{item.name}:{' '}
              {item.clusters.map(c => `${c.score} in ${c.cluster}`).join(', ')}
            </Typography>
            {item.checks.map(check => (
              <Typography variant="body2" key={check.id}>
                {check.id}:{' '}
                {Object.entries(check.statuses)
                  .map(([cluster, status]) => `${status} in ${cluster}`)
                  .join(', ')}
              </Typography>
            ))}
          </Box>
        ))}
      </Box>
    </InfoCard>
  );
}
