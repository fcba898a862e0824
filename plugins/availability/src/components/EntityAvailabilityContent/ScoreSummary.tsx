import {
  AvailabilityReport,
  SEVERITIES,
} from '@availability-backstage/plugin-availability-common';
import { Gauge } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { summarizeFailingChecks } from '../../lib/checkOrdering';
import { LevelChip } from '../LevelChip';

/** @internal */
export interface ScoreSummaryProps {
  report: AvailabilityReport;
  size?: 'normal' | 'small';
}

/**
 * The entity's score as a gauge, its level, and its failures by severity.
 *
 * @internal
 */
export function ScoreSummary(props: ScoreSummaryProps) {
  const { report } = props;
  const failing = report.workloads.flatMap(w =>
    w.checks.filter(c => c.status === 'fail'),
  );
  const bySeverity = SEVERITIES.map(severity => ({
    severity,
    count: failing.filter(c => c.severity === severity).length,
  })).filter(entry => entry.count > 0);
  const distinctFailing = summarizeFailingChecks(report.workloads).length;

  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      {report.score !== null && (
        <Box width={props.size === 'small' ? 120 : 160} mr={2}>
          <Gauge
            value={report.score / 100}
            size={props.size}
            description="availability score"
          />
        </Box>
      )}
      <Box>
        <Box display="flex" alignItems="center" mb={1}>
          <Typography variant="h4" component="span" data-testid="entity-score">
            {report.score ?? 'no score'}
          </Typography>
          <Box ml={1}>
            <LevelChip level={report.level} size="medium" />
          </Box>
        </Box>
        <Typography variant="body2">
          {report.workloads.length}{' '}
          {report.workloads.length === 1 ? 'workload' : 'workloads'},{' '}
          {distinctFailing} failing {distinctFailing === 1 ? 'check' : 'checks'}
        </Typography>
        {bySeverity.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            {bySeverity.map(e => `${e.count} ${e.severity}`).join(', ')}{' '}
            {failing.length === 1 ? 'failure' : 'failures'}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
