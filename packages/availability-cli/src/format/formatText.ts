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

function formatWorkload(workload: WorkloadReport, colors: Colors): string {
  const lines: string[] = [];
  const where = location(workload);
  lines.push(
    `${colors.bold(title(workload))}${
      where ? colors.dim(`  ${where}`) : ''
    }  ${scoreText(workload, colors)}`,
  );
  const failing = workload.checks
    .filter(check => check.status === 'fail')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const check of failing) {
    const severity =
      check.severity === 'critical' || check.severity === 'high'
        ? colors.red(check.severity)
        : colors.yellow(check.severity);
    lines.push(
      `  ${colors.red('✗')} ${check.id} (${severity}): ${check.message}`,
    );
    if (check.remediation) {
      lines.push(
        colors.dim(indent(plainRemediation(check.remediation), '      ')),
      );
    }
  }
  for (const check of workload.checks.filter(c => c.status === 'exempt')) {
    const until = check.until ? ` until ${check.until}` : '';
    lines.push(
      `  ${colors.dim('-')} ${check.id} exempt${until}: ${
        check.reason ?? 'no reason given'
      }`,
    );
  }
  lines.push(colors.dim(`  ${countStatuses(workload.checks)}`));
  return lines.join('\n');
}

/**
 * The human report: one block per workload, Service or Dockerfile with its
 * failing checks first (most severe first) and how to fix them, then the
 * exemptions, then a summary; unreadable inputs last.
 */
export function formatText(report: AvailabilityReport, colors: Colors): string {
  const blocks = report.workloads.map(w => formatWorkload(w, colors));
  if (report.errors.length > 0) {
    blocks.push(
      [
        colors.bold(colors.red('Could not read:')),
        ...report.errors.map(error => {
          const where = error.line
            ? `${error.source}:${error.line}`
            : error.source;
          return `  ${where}: ${error.message}`;
        }),
      ].join('\n'),
    );
  }
  const failures = report.workloads.reduce(
    (sum, w) => sum + w.checks.filter(c => c.status === 'fail').length,
    0,
  );
  blocks.push(
    `${colors.bold('Availability score')} ${scoreText(report, colors)}: ${
      report.workloads.length
    } ${
      report.workloads.length === 1 ? 'entry' : 'entries'
    }, ${failures} failing ${failures === 1 ? 'check' : 'checks'}${
      report.errors.length > 0
        ? `, ${report.errors.length} unreadable ${
            report.errors.length === 1 ? 'input' : 'inputs'
          }`
        : ''
    }`,
  );
  return `${blocks.join('\n\n')}\n`;
}
