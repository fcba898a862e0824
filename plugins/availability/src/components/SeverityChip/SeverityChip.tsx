import { Severity } from '@availability-backstage/plugin-availability-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import ReportIcon from '@material-ui/icons/Report';
import WarningIcon from '@material-ui/icons/Warning';
import { ComponentType } from 'react';

/**
 * One colour and one icon per severity, so that neither alone carries the
 * meaning; every pair keeps at least 4.5:1 (WCAG AA) on any theme.
 */
const severityStyles: Record<
  Severity,
  {
    background: string;
    text: string;
    Icon: ComponentType<{ className?: string }>;
  }
> = {
  critical: { background: '#B71C1C', text: '#fff', Icon: ReportIcon },
  high: { background: '#A84300', text: '#fff', Icon: ErrorIcon },
  medium: { background: '#F9A825', text: '#000', Icon: WarningIcon },
  low: { background: '#455A64', text: '#fff', Icon: InfoIcon },
};

const useStyles = makeStyles({
  chip: (props: { severity: Severity }) => ({
    backgroundColor: severityStyles[props.severity].background,
    color: severityStyles[props.severity].text,
    fontWeight: 600,
    textTransform: 'capitalize',
  }),
  icon: (props: { severity: Severity }) => ({
    color: `${severityStyles[props.severity].text} !important`,
  }),
});

/** @internal */
export interface SeverityChipProps {
  severity: Severity;
}

/**
 * A check's severity as a chip with its own colour and icon.
 *
 * @internal
 */
export function SeverityChip(props: SeverityChipProps) {
  const classes = useStyles({ severity: props.severity });
  const { Icon } = severityStyles[props.severity];
  return (
    <Chip
      size="small"
      icon={<Icon className={classes.icon} />}
      label={props.severity}
      className={classes.chip}
    />
  );
}

/** The colour of a severity, for marks beside text (bars, borders). */
export function severityColor(severity: Severity): string {
  return severityStyles[severity].background;
}
