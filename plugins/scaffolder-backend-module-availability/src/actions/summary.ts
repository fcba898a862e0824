import type {
  AvailabilityReport,
  Level,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';

/**
 * One check listed in `failOn` that fails, with the object it failed on.
 *
 * @internal
 */
export interface FailOnViolation {
  id: string;
  workload: WorkloadReport;
  message: string;
}

/**
 * The `failOn` checks that fail anywhere in the report.
 *
 * @internal
 */
export function findFailOnViolations(
  report: AvailabilityReport,
  failOn: readonly string[],
): FailOnViolation[] {
  const wanted = new Set(failOn);
  const violations: FailOnViolation[] = [];
  for (const workload of report.workloads) {
    for (const check of workload.checks) {
      if (check.status === 'fail' && wanted.has(check.id)) {
        violations.push({ id: check.id, workload, message: check.message });
      }
    }
  }
  return violations;
}

function scoreText(scored: {
  score: number | null;
  level: Level | null;
}): string {
  return scored.score === null
    ? 'no score (nothing judged)'
    : `score ${scored.score}, level ${scored.level}`;
}

function describe(workload: WorkloadReport): string {
  const where = workload.source
    ? ` (${workload.source.path}${
        workload.source.line ? `:${workload.source.line}` : ''
      })`
    : '';
  const name =
    workload.kind === 'Dockerfile'
      ? workload.name
      : `${workload.namespace}/${workload.name}`;
  return `${workload.kind} ${name}${where}`;
}

/** An input that could not be read, or a document that was not evaluated. */
type ReportNote = { source: string; line?: number; message: string };

/**
 * A readable summary of a report for the task log and the failure message:
 * the overall result, then every object with failing checks and their
 * messages, then the inputs that could not be read and the documents that
 * were not evaluated.
 *
 * @internal
 */
export function formatSummary(options: {
  report: AvailabilityReport;
  minLevel: Level;
  violations?: FailOnViolation[];
}): string {
  const { report, minLevel, violations = [] } = options;
  const lines = [
    `Availability ${scoreText(report)} (required: ${minLevel}) over ${
      report.workloads.length
    } object(s)`,
  ];
  for (const workload of report.workloads) {
    const failing = workload.checks.filter(c => c.status === 'fail');
    if (failing.length === 0) {
      continue;
    }
    lines.push(`${describe(workload)}: ${scoreText(workload)}`);
    for (const check of failing) {
      lines.push(`  - ${check.id} [${check.severity}]: ${check.message}`);
    }
  }
  const exempt = report.workloads.flatMap(w =>
    w.checks
      .filter(c => c.status === 'exempt')
      .map(c => `  - ${c.id} on ${describe(w)}: ${c.reason ?? 'no reason'}`),
  );
  if (exempt.length > 0) {
    lines.push('Exempt checks:', ...exempt);
  }
  if (violations.length > 0) {
    lines.push('Checks listed in failOn that fail:');
    for (const v of violations) {
      lines.push(`  - ${v.id} on ${describe(v.workload)}: ${v.message}`);
    }
  }
  const notes: Array<[string, ReportNote[]]> = [
    ['Inputs that could not be read:', report.errors],
    ['Not evaluated:', report.warnings ?? []],
  ];
  for (const [heading, list] of notes) {
    if (list.length > 0) {
      lines.push(heading);
      for (const note of list) {
        lines.push(
          `  - ${note.source}${note.line ? `:${note.line}` : ''}: ${
            note.message
          }`,
        );
      }
    }
  }
  return lines.join('\n');
}
