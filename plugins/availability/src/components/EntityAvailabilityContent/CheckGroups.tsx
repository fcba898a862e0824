import {
  CheckInfo,
  CheckStatus,
} from '@availability-backstage/plugin-availability-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { outcomeOrder } from '../../lib/checkOrdering';
import { CheckRow } from '../../lib/workloadGroups';
import { CheckResultItem } from './CheckResultItem';

const groupTitles: Record<CheckStatus, string> = {
  fail: 'Failing',
  exempt: 'Exempt',
  unknown: 'Unknown',
  pass: 'Passing',
  'not-applicable': 'Not applicable',
};

/** The DOM id of a check's row in a workload section. */
export function checkAnchor(workload: string, checkId: string): string {
  return `availability-check-${workload.replace(/[^\w-]/g, '_')}-${checkId}`;
}

/** @internal */
export interface CheckGroupsProps {
  workload: string;
  workloadName: string;
  rows: CheckRow[];
  multiCluster: boolean;
  catalog: Map<string, CheckInfo>;
}

/**
 * A workload's check rows grouped by their worst outcome; what needs work is
 * open, the rest folded away.
 *
 * @internal
 */
export function CheckGroups(props: CheckGroupsProps) {
  const groups = outcomeOrder
    .map(status => ({
      status,
      rows: props.rows.filter(row => row.status === status),
    }))
    .filter(group => group.rows.length > 0);
  return (
    <Box>
      {groups.map(group => (
        <Accordion
          key={group.status}
          defaultExpanded={group.status === 'fail' || group.status === 'exempt'}
          TransitionProps={{ unmountOnExit: true }}
        >
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            // The visible text first, so the name contains what is seen.
            aria-label={`${groupTitles[group.status]} (${
              group.rows.length
            }), checks of ${props.workloadName}`}
          >
            <Typography variant="subtitle2" component="h4">
              {groupTitles[group.status]} ({group.rows.length})
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Box width="100%">
              {group.rows.map(row => (
                <CheckResultItem
                  key={row.id}
                  row={row}
                  info={props.catalog.get(row.id)}
                  workloadName={props.workloadName}
                  multiCluster={props.multiCluster}
                  anchor={checkAnchor(props.workload, row.id)}
                  catalog={props.catalog}
                />
              ))}
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}
