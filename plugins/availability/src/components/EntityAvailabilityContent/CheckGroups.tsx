import {
  CheckInfo,
  CheckResult,
  CheckStatus,
} from '@availability-backstage/plugin-availability-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { groupChecksByOutcome } from '../../lib/checkOrdering';
import { CheckResultItem } from './CheckResultItem';

const groupTitles: Record<CheckStatus, string> = {
  fail: 'Failing',
  exempt: 'Exempt',
  unknown: 'Unknown',
  pass: 'Passing',
  'not-applicable': 'Not applicable',
};

/** @internal */
export interface CheckGroupsProps {
  checks: CheckResult[];
  catalog: Map<string, CheckInfo>;
}

/**
 * A workload's checks grouped by outcome; what needs work is open, the rest
 * folded away.
 *
 * @internal
 */
export function CheckGroups(props: CheckGroupsProps) {
  const groups = groupChecksByOutcome(props.checks);
  return (
    <Box>
      {groups.map(group => (
        <Accordion
          key={group.status}
          defaultExpanded={group.status === 'fail' || group.status === 'exempt'}
          TransitionProps={{ unmountOnExit: true }}
        >
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="subtitle2">
              {groupTitles[group.status]} ({group.checks.length})
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Box width="100%">
              {group.checks.map(check => (
                <CheckResultItem
                  key={check.id}
                  check={check}
                  info={props.catalog.get(check.id)}
                />
              ))}
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}
