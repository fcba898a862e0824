import {
  CheckInfo,
  CheckStatus,
} from '@availability-backstage/plugin-availability-common';
import {
  CodeSnippet,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useState } from 'react';
import { splitRemediation } from '../../lib/remediation';
import { CheckRow } from '../../lib/workloadGroups';
import { SeverityChip } from '../SeverityChip';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  title: { fontWeight: 500 },
  id: {
    color: theme.palette.text.secondary,
    fontFamily: 'monospace',
    fontSize: '0.875rem',
  },
  details: { marginLeft: theme.spacing(3) },
  symptoms: {
    marginLeft: theme.spacing(3),
    paddingLeft: theme.spacing(2),
    borderLeft: `2px solid ${theme.palette.divider}`,
  },
  remediationText: { whiteSpace: 'pre-wrap', margin: theme.spacing(1, 0) },
}));

function StatusIcon(props: {
  status: CheckStatus;
  severe: boolean;
  children: ReactNode;
}): JSX.Element {
  const { status, severe, children } = props;
  switch (status) {
    case 'fail':
      return severe ? (
        <StatusError>{children}</StatusError>
      ) : (
        <StatusWarning>{children}</StatusWarning>
      );
    case 'pass':
      return <StatusOK>{children}</StatusOK>;
    case 'unknown':
      return <StatusPending>{children}</StatusPending>;
    default:
      return <StatusAborted>{children}</StatusAborted>;
  }
}

const outcomeWords: Record<CheckStatus, string> = {
  fail: 'fails',
  pass: 'passes',
  exempt: 'exempt',
  unknown: 'unknown',
  'not-applicable': 'not applicable',
};

/** @internal */
export interface CheckResultItemProps {
  row: CheckRow;
  info?: CheckInfo;
  /** The workload's name, to tell this row's buttons from other workloads'. */
  workloadName: string;
  /** Whether the workload runs in more than one cluster. */
  multiCluster: boolean;
  /** The DOM id of the row, so that the Fix first list can jump to it. */
  anchor?: string;
  catalog: Map<string, CheckInfo>;
}

/**
 * One check of a workload across its clusters: outcome, where it fails, what
 * differs between clusters, and for failures an expandable remediation with a
 * copyable snippet; runtime symptoms of the same cause nested below it.
 *
 * @internal
 */
export function CheckResultItem(props: CheckResultItemProps) {
  const { row, info, workloadName, multiCluster, catalog } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const shown =
    row.results.find(r => r.check.status === row.status) ?? row.results[0];
  const check = shown.check;
  const remediation =
    check.status === 'fail' && check.remediation
      ? splitRemediation(check.remediation)
      : undefined;
  const clusters = row.failingIn.filter(Boolean).join(', ');
  const place = `${workloadName}${clusters ? ` in ${clusters}` : ''}`;

  return (
    <Box
      className={classes.root}
      data-testid={`check-${row.id}`}
      id={props.anchor}
      tabIndex={props.anchor ? -1 : undefined}
    >
      <Box className={classes.line}>
        <StatusIcon
          status={row.status}
          severe={row.severity === 'critical' || row.severity === 'high'}
        >
          <span className={classes.title}>{info?.title ?? row.id}</span>
        </StatusIcon>
        {info && <span className={classes.id}>{row.id}</span>}
        <SeverityChip severity={row.severity} />
        {multiCluster &&
          row.failingIn
            .filter(Boolean)
            .map(cluster => (
              <Chip
                key={cluster}
                size="small"
                variant="outlined"
                label={cluster}
                aria-label={`fails in ${cluster}`}
              />
            ))}
      </Box>
      <Box className={classes.details}>
        {check.message && (
          <Typography variant="body2" color="textSecondary">
            {check.message}
          </Typography>
        )}
        {multiCluster &&
          row.differing.map(result => (
            <Typography
              key={result.cluster ?? ''}
              variant="body2"
              color="textSecondary"
            >
              In {result.cluster}: {outcomeWords[result.check.status]}
              {result.check.message ? ` (${result.check.message})` : ''}
            </Typography>
          ))}
        {check.status === 'exempt' && (
          <Typography variant="body2">
            Exempt: {check.reason || 'no reason given'}
            {check.until ? ` (until ${check.until})` : ' (no expiry)'}
          </Typography>
        )}
        {remediation && (
          <>
            <Button
              size="small"
              color="primary"
              aria-expanded={open}
              aria-label={`${open ? 'Hide fix for' : 'How to fix'} ${
                row.id
              } of ${place}`}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide fix' : 'How to fix'}
            </Button>
            <Collapse in={open} unmountOnExit>
              {remediation.text && (
                <Typography variant="body2" className={classes.remediationText}>
                  {remediation.text}
                </Typography>
              )}
              {remediation.yaml && (
                <CodeSnippet
                  text={remediation.yaml}
                  language="yaml"
                  showCopyCodeButton
                />
              )}
            </Collapse>
          </>
        )}
      </Box>
      {row.symptoms.length > 0 && (
        <Box className={classes.symptoms}>
          <Typography variant="caption" color="textSecondary">
            Seen on the cluster, fixed with it:
          </Typography>
          {row.symptoms.map(symptom => (
            <CheckResultItem
              key={symptom.id}
              row={symptom}
              info={catalog.get(symptom.id)}
              workloadName={workloadName}
              multiCluster={multiCluster}
              catalog={catalog}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
