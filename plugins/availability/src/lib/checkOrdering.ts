import {
  CheckResult,
  CheckStatus,
  Severity,
} from '@availability-backstage/plugin-availability-common';

export const severityRank: Record<Severity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

/** The order outcome groups are shown in: what needs work first. */
export const outcomeOrder: CheckStatus[] = [
  'fail',
  'exempt',
  'unknown',
  'pass',
  'not-applicable',
];

/** Compares checks by severity (critical first), then by id. */
export function compareBySeverity(
  a: Pick<CheckResult, 'id' | 'severity'>,
  b: Pick<CheckResult, 'id' | 'severity'>,
): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    a.id.localeCompare(b.id)
  );
}
