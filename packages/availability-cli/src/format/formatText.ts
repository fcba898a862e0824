import type {
  AvailabilityReport,
  CheckResult,
  Level,
  Severity,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import type { Colors } from './colors';

const SEVERITY_ORDER: Record<Severity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

function location(workload: WorkloadReport): string {
  const source = workload.source;
  if (!source) {
    return '';
  }
  if (source.line) {
    return `${source.path}:${source.line}`;
  }
  // A Dockerfile entry is already named by its path.
  return workload.kind === 'Dockerfile' && source.path === workload.name
    ? ''
    : source.path;
}

/** Remediations are Markdown; on a terminal the code fences are only noise. */
function plainRemediation(text: string): string {
  return text
    .split('\n')
    .filter(line => !/^\s*```\w*\s*$/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

function title(workload: WorkloadReport): string {
  if (workload.kind === 'Dockerfile') {
    return `Dockerfile ${workload.name}`;
  }
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/** `87/100 silver`, or `no score` where nothing was judged. */
function scoreText(
  scored: { score: number | null; level: Level | null },
  colors: Colors,
): string {
  if (scored.score === null || scored.level === null) {
    return colors.dim('no score');
  }
  return `${scored.score}/100 ${levelText(scored.level, colors)}`;
}

function levelText(level: Level, colors: Colors): string {
  switch (level) {
    case 'gold':
      return colors.yellow(level);
    case 'silver':
      return colors.cyan(level);
    case 'bronze':
      return colors.green(level);
    default:
      return colors.red(level);
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map(line => (line ? `${prefix}${line}` : line))
    .join('\n');
}

function countStatuses(checks: CheckResult[]): string {
  const counts = new Map<string, number>();
  for (const check of checks) {
    counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
  }
  const order: Array<[string, string]> = [
    ['pass', 'passed'],
    ['fail', 'failed'],
    ['exempt', 'exempt'],
    ['not-applicable', 'not applicable'],
    ['unknown', 'unknown'],
  ];
  const summary = order
    .filter(([status]) => counts.has(status))
    .map(([status, label]) => `${counts.get(status)} ${label}`)
    .join(', ');
  return summary || 'no checks apply';
}

const bySeverity = (a: CheckResult, b: CheckResult) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

/** Unknown checks grouped by why they are unknown, so each reason shows once. */
function unknownReasons(checks: CheckResult[]): Array<[string, string[]]> {
  const byReason = new Map<string, string[]>();
  for (const check of checks) {
    if (check.status === 'unknown') {
      byReason.set(check.message, [
        ...(byReason.get(check.message) ?? []),
        check.id,
      ]);
    }
  }
  return [...byReason].map(([reason, ids]) => [reason, ids]);
}

/**
 * Prints each distinct remediation once: a fix already shown (in the list
 * of most failing checks or for another workload) is referred to, not
 * repeated.
 */
class FixPrinter {
  readonly #shown = new Set<string>();
  readonly #colors: Colors;

  constructor(colors: Colors) {
    this.#colors = colors;
  }

  lines(remediation: string | null, prefix: string): string[] {
    if (!remediation) {
      return [];
    }
    const text = plainRemediation(remediation);
    if (this.#shown.has(text)) {
      return [this.#colors.dim(`${prefix}(fix shown above)`)];
    }
    this.#shown.add(text);
    return [this.#colors.dim(indent(text, prefix))];
  }
}

function formatWorkload(
  workload: WorkloadReport,
  colors: Colors,
  fixes: FixPrinter,
): string {
  const where = location(workload);
  const heading = `${colors.bold(title(workload))}${
    where ? colors.dim(`  ${where}`) : ''
  }  ${scoreText(workload, colors)}`;
  const failing = workload.checks
    .filter(check => check.status === 'fail')
    .sort(bySeverity);
  const unknowns = unknownReasons(workload.checks);
  if (failing.length === 0) {
    // Nothing to fix: one line, with why anything is unknown.
    const why = unknowns.map(([reason, ids]) => `${ids.length} ${reason}`);
    return `${colors.green('✓')} ${heading}  ${colors.dim(
      [countStatuses(workload.checks), ...why].join('; '),
    )}`;
  }
  const lines = [heading];
  for (const check of failing) {
    const severity =
      check.severity === 'critical' || check.severity === 'high'
        ? colors.red(check.severity)
        : colors.yellow(check.severity);
    lines.push(
      `  ${colors.red('✗')} ${check.id} (${severity}): ${check.message}`,
      ...fixes.lines(check.remediation, '      '),
    );
  }
  for (const check of workload.checks.filter(c => c.status === 'exempt')) {
    const until = check.until ? ` until ${check.until}` : '';
    lines.push(
      `  ${colors.dim('-')} ${check.id} exempt${until}: ${
        check.reason ?? 'no reason given'
      }`,
    );
  }
  for (const [reason, ids] of unknowns) {
    lines.push(`  ${colors.dim('?')} ${ids.join(', ')} unknown: ${reason}`);
  }
  lines.push(colors.dim(`  ${countStatuses(workload.checks)}`));
  return lines.join('\n');
}

/** How many of the most failing checks the report opens with. */
const TOP_CHECKS = 5;

/** The checks that fail on the most entries, most severe first on a tie. */
function mostFailing(report: AvailabilityReport) {
  const byId = new Map<
    string,
    { check: CheckResult; entries: WorkloadReport[]; sameFix: boolean }
  >();
  for (const workload of report.workloads) {
    for (const check of workload.checks) {
      if (check.status === 'fail') {
        const entry = byId.get(check.id) ?? {
          check,
          entries: [],
          sameFix: true,
        };
        entry.entries.push(workload);
        entry.sameFix &&= check.remediation === entry.check.remediation;
        byId.set(check.id, entry);
      }
    }
  }
  return [...byId.values()]
    .sort(
      (a, b) =>
        b.entries.length - a.entries.length || bySeverity(a.check, b.check),
    )
    .slice(0, TOP_CHECKS);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Entries worst first; entries without a score (nothing judged) last. */
function worstFirst(a: WorkloadReport, b: WorkloadReport): number {
  return (a.score ?? 101) - (b.score ?? 101);
}

/**
 * The human report: the overall score and level, then the checks that fail
 * most across the inputs (how many entries each, the fix once), then each
 * workload, Service or Dockerfile worst first with its failures (most
 * severe first), exemptions and why anything is unknown; entries with
 * nothing to fix take one line. Unreadable inputs last.
 */
/** `  k8s/a.yaml:4: why`, for errors and warnings. */
function located(note: { source: string; line?: number; message: string }) {
  const where = note.line ? `${note.source}:${note.line}` : note.source;
  return `  ${where}: ${note.message}`;
}

export function formatText(report: AvailabilityReport, colors: Colors): string {
  const failures = report.workloads.reduce(
    (sum, w) => sum + w.checks.filter(c => c.status === 'fail').length,
    0,
  );
  const blocks = [
    `${colors.bold('Availability score')} ${scoreText(
      report,
      colors,
    )}: ${plural(report.workloads.length, 'entry', 'entries')}, ${plural(
      failures,
      'failing check',
      'failing checks',
    )}${
      report.errors.length > 0
        ? `, ${plural(
            report.errors.length,
            'unreadable input',
            'unreadable inputs',
          )}`
        : ''
    }`,
  ];
  const fixes = new FixPrinter(colors);
  const top = mostFailing(report);
  if (top.length > 0) {
    const lines = [colors.bold('Most failing checks:')];
    for (const { check, entries, sameFix } of top) {
      lines.push(
        `  ${colors.red('✗')} ${check.id} (${check.severity}) on ${plural(
          entries.length,
          'entry',
          'entries',
        )}: ${entries.map(title).join(', ')}`,
        // Fixes are built from each object: one fix here only when it fits all.
        ...(sameFix
          ? fixes.lines(check.remediation, '      ')
          : [colors.dim("      (each entry's fix is shown with it below)")]),
      );
    }
    blocks.push(lines.join('\n'));
  }
  blocks.push(
    ...[...report.workloads]
      .sort(worstFirst)
      .map(w => formatWorkload(w, colors, fixes)),
  );
  if (report.errors.length > 0) {
    blocks.push(
      [
        colors.bold(colors.red('Could not read:')),
        ...report.errors.map(located),
      ].join('\n'),
    );
  }
  const warnings = report.warnings ?? [];
  if (warnings.length > 0) {
    blocks.push(
      [colors.bold('Not evaluated:'), ...warnings.map(located)].join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
