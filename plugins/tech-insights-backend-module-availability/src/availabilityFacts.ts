import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import {
  EntityReportResponse,
  Severity,
} from '@availability-backstage/plugin-availability-common';

/**
 * The facts' schema version; raise it on any change to their names, types or
 * meaning (minor for a new fact, major for a changed or removed one).
 *
 * @public
 */
export const AVAILABILITY_FACTS_VERSION = '1.0.0';

const SEVERITY_FACTS: Record<Severity, string> = {
  critical: 'failingCritical',
  high: 'failingHigh',
  medium: 'failingMedium',
  low: 'failingLow',
};

/**
 * The facts the availability retriever provides per entity.
 *
 * @public
 */
export const availabilityFactsSchema: FactSchema = {
  score: {
    type: 'integer',
    description:
      'Availability score, 0 to 100; absent when nothing in the report counts towards a score',
  },
  level: {
    type: 'string',
    description: 'Availability level: gold, silver, bronze or none',
  },
  failingChecks: {
    type: 'set',
    description: 'Ids of the availability checks that fail on any workload',
  },
  ...Object.fromEntries(
    Object.entries(SEVERITY_FACTS).map(([severity, fact]) => [
      fact,
      {
        type: 'integer',
        description: `How many distinct ${severity} availability checks fail`,
      },
    ]),
  ),
  stale: {
    type: 'boolean',
    description:
      'True when the last refresh failed and the report is older than it',
  },
  refreshedAt: {
    type: 'datetime',
    description: 'When the report was taken',
  },
};

/**
 * The facts of one entity's stored report; undefined when no refresh has
 * succeeded yet, so that no fact claims a verdict nobody took.
 *
 * @public
 */
export function availabilityFacts(
  response: EntityReportResponse,
): Record<string, number | string | boolean | string[]> | undefined {
  const { report, refreshedAt } = response;
  if (!report || !refreshedAt) {
    return undefined;
  }
  const severityOf = new Map<string, Severity>();
  for (const workload of report.workloads) {
    for (const check of workload.checks) {
      if (check.status === 'fail') {
        severityOf.set(check.id, check.severity);
      }
    }
  }
  const counts = Object.fromEntries(
    Object.values(SEVERITY_FACTS).map(fact => [fact, 0]),
  );
  for (const severity of severityOf.values()) {
    counts[SEVERITY_FACTS[severity]] += 1;
  }
  // A report where nothing counts carries no score and no level.
  return {
    ...(report.score !== null ? { score: report.score } : {}),
    ...(report.level !== null ? { level: report.level } : {}),
    failingChecks: [...severityOf.keys()].sort(),
    ...counts,
    stale: response.stale,
    refreshedAt,
  };
}
