import { DrainReadiness } from '@availability-backstage/plugin-availability-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';

const ISSUE_LABELS: Record<string, string> = {
  'blocks-forever': 'blocks every drain',
  'blocks-now': 'blocks drains now',
  'drops-to-zero': 'drops to zero',
  'single-replica': 'single replica',
  waits: 'drain waits',
};

/**
 * Before a node upgrade: whether draining any one node keeps every service
 * up, and per node what blocks, drops to zero or makes the drain wait.
 *
 * @internal
 */
export function DrainReadinessPanel(props: { drain: DrainReadiness }) {
  const { drain } = props;
  const withFindings = drain.nodes.filter(node => node.findings.length > 0);
  return (
    <InfoCard title="Drain readiness">
      <Box data-testid="availability-drain-readiness">
        <Alert severity={drain.safe ? 'success' : 'warning'}>
          {drain.verdict}
        </Alert>
        {withFindings.map(node => (
          <Box key={node.node} mt={2}>
            <Typography variant="subtitle2">
              {node.node}
              {node.zone ? ` (${node.zone})` : ''}
              {node.safe ? ': drains, with waits' : ': cannot drain safely'}
            </Typography>
            {node.findings.map(finding => (
              <Box
                key={`${finding.entityRef}/${finding.kind}/${finding.namespace}/${finding.name}`}
                display="flex"
                alignItems="center"
                mt={0.5}
              >
                <Chip
                  size="small"
                  label={ISSUE_LABELS[finding.issue] ?? finding.issue}
                  color={finding.issue === 'waits' ? 'default' : 'secondary'}
                />
                <Box ml={1}>
                  <Typography variant="body2">
                    <strong>{finding.name}</strong> ({finding.kind}{' '}
                    {finding.namespace}): {finding.message}
                  </Typography>
                </Box>
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </InfoCard>
  );
}
