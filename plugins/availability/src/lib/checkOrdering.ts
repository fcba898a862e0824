import {
  CheckResult,
  CheckStatus,
  Severity,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';

const severityRank: Record<Severity, number> = {
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
export function compareBySeverity(a: CheckResult, b: CheckResult): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    a.id.localeCompare(b.id)
  );
}

/** One outcome group of a workload's checks. */
export interface CheckGroup {
  status: CheckStatus;
  checks: CheckResult[];
}

/**
 * Groups checks by outcome in {@link outcomeOrder}, each group sorted by
 * severity; empty groups are left out.
 */
export function groupChecksByOutcome(checks: CheckResult[]): CheckGroup[] {
  return outcomeOrder
    .map(status => ({
      status,
      checks: checks.filter(c => c.status === status).sort(compareBySeverity),
    }))
    .filter(group => group.checks.length > 0);
}

/** A failing check across an entity's workloads. */
export interface FailingCheckSummary {
  id: string;
  severity: Severity;
  /** How many workloads fail it. */
  workloads: number;
  /** The message of the first workload that fails it. */
  message: string;
}

/**
 * The checks an entity fails, most severe first, then the most widespread;
 * one entry per check id.
 */
export function summarizeFailingChecks(
  workloads: WorkloadReport[],
): FailingCheckSummary[] {
  const byId = new Map<string, FailingCheckSummary>();
  for (const workload of workloads) {
    for (const check of workload.checks) {
      if (check.status !== 'fail') {
        continue;
      }
      const existing = byId.get(check.id);
      if (existing) {
        existing.workloads += 1;
        // The same check can carry an overridden severity per workload only
        // through config, which is global; keep the most severe to be safe.
        if (severityRank[check.severity] < severityRank[existing.severity]) {
          existing.severity = check.severity;
        }
      } else {
        byId.set(check.id, {
          id: check.id,
          severity: check.severity,
          workloads: 1,
          message: check.message,
        });
      }
    }
  }
  return [...byId.values()].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      b.workloads - a.workloads ||
      a.id.localeCompare(b.id),
  );
}
