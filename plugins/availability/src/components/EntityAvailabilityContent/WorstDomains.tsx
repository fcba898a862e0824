import {
  WorkloadReport,
  worstDomains,
} from '@availability-backstage/plugin-availability-common';
import Typography from '@material-ui/core/Typography';

/**
 * The single node and zone whose failure would cost the workload the most
 * ready pods, and what pod data is missing to tell.
 *
 * @internal
 */
export function WorstDomains(props: { workload: WorkloadReport }) {
  const worst = worstDomains(props.workload);
  if (!worst || worst.ready === 0) {
    return null;
  }
  const parts = [
    worst.node && `Worst node: ${worst.node.message}`,
    worst.zone && `Worst zone: ${worst.zone.message}`,
    ...worst.missing,
  ].filter(Boolean);
  return (
    <Typography
      variant="body2"
      gutterBottom
      data-testid="availability-worst-domains"
    >
      {parts.join(' · ')}
    </Typography>
  );
}
