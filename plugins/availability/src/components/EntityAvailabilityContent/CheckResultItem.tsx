import {
  CheckInfo,
  CheckResult,
  Severity,
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

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  title: { fontWeight: 500 },
  id: {
    marginLeft: theme.spacing(1),
    color: theme.palette.text.secondary,
    fontFamily: 'monospace',
    fontSize: '0.8rem',
  },
  severity: { marginLeft: theme.spacing(1), textTransform: 'capitalize' },
  details: { marginLeft: theme.spacing(3) },
  remediationText: { whiteSpace: 'pre-wrap', margin: theme.spacing(1, 0) },
}));

function StatusIcon(props: {
  check: CheckResult;
  children: ReactNode;
}): JSX.Element {
  const { check, children } = props;
  switch (check.status) {
    case 'fail':
      return check.severity === 'critical' || check.severity === 'high' ? (
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

const severityColor: Record<Severity, 'secondary' | 'default'> = {
  critical: 'secondary',
  high: 'secondary',
  medium: 'default',
  low: 'default',
};

/** @internal */
export interface CheckResultItemProps {
  check: CheckResult;
  info?: CheckInfo;
}

/**
 * One check of a workload: outcome, message, and for failures an expandable
 * remediation with a copyable snippet; for exemptions the reason and expiry.
 *
 * @internal
 */
export function CheckResultItem(props: CheckResultItemProps) {
  const { check, info } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const remediation =
    check.status === 'fail' && check.remediation
      ? splitRemediation(check.remediation)
      : undefined;

  return (
    <Box className={classes.root} data-testid={`check-${check.id}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <StatusIcon check={check}>
          <span className={classes.title}>{info?.title ?? check.id}</span>
        </StatusIcon>
        {info && <span className={classes.id}>{check.id}</span>}
        <Chip
          size="small"
          variant="outlined"
          color={severityColor[check.severity]}
          label={check.severity}
          className={classes.severity}
        />
      </Box>
      <Box className={classes.details}>
        {check.message && (
          <Typography variant="body2" color="textSecondary">
            {check.message}
          </Typography>
        )}
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
    </Box>
  );
}
