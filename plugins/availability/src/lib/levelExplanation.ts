import {
  AvailabilityReport,
  LEVEL_RULES,
  Level,
  LevelUpStep,
  nextLevel,
  planLevelUp,
  PlannedCheck,
  Severity,
} from '@availability-backstage/plugin-availability-common';
import { levelLabel } from '../components/LevelChip';
import { workloadKey } from './workloadGroups';

/** One fix of the Fix first list: a check of one workload, in every cluster it fails in. */
export interface FixFirstItem extends LevelUpStep {
  checkId: string;
  severity: Severity;
  workload: string;
  clusters: string[];
}

/** Why an entity has its level and what lifts it, for the top of the tab. */
export interface LevelExplanation {
  /** "Bronze: 1 critical failure (runtime-ready)." */
  reason: string;
  /** "Fix it for Silver; then 3 more for Gold (network-policy, …)." */
  next?: string;
  /** The fewest fixes that reach the next level, in order. */
  fixFirst: FixFirstItem[];
}

/** Every check of the report, keyed by the fix that mends it: a check of one workload in all its clusters. */
function plannedChecks(report: AvailabilityReport): PlannedCheck[] {
  return report.workloads.flatMap(workload =>
    workload.checks.map(check => ({
      fix: `${workloadKey(workload)}#${check.id}`,
      check,
    })),
  );
}

function items(
  report: AvailabilityReport,
  steps: LevelUpStep[],
): FixFirstItem[] {
  return steps.map(step => {
    const [workload, checkId] = step.fix.split('#');
    const failing = report.workloads.filter(
      w =>
        workloadKey(w) === workload &&
        w.checks.some(c => c.id === checkId && c.status === 'fail'),
    );
    const severity =
      failing[0]?.checks.find(c => c.id === checkId)?.severity ?? 'low';
    return {
      ...step,
      checkId,
      severity,
      workload,
      clusters: failing.flatMap(w => (w.cluster ? [w.cluster] : [])),
    };
  });
}

function list(ids: string[]): string {
  const unique = [...new Set(ids)];
  return unique.length > 3
    ? `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`
    : unique.join(', ');
}

function why(report: AvailabilityReport, level: Level): string {
  const name = levelLabel(level);
  const above = nextLevel(level);
  const rule = LEVEL_RULES.find(r => r.level === above);
  if (!rule) {
    return `${name}: score ${report.score} and no critical or high failure.`;
  }
  const failing = report.workloads.flatMap(w =>
    w.checks.filter(c => c.status === 'fail'),
  );
  const blocking = rule.noFailing
    .map(severity => ({
      severity,
      ids: failing.filter(c => c.severity === severity).map(c => c.id),
    }))
    .filter(entry => entry.ids.length > 0)
    .map(({ severity, ids }) => {
      const count = new Set(ids).size;
      return `${count} ${severity} ${
        count === 1 ? 'failure' : 'failures'
      } (${list(ids)})`;
    });
  if (blocking.length > 0) {
    return `${name}: ${blocking.join(' and ')}.`;
  }
  return `${name}: score ${report.score} is below the ${
    rule.minScore
  } ${levelLabel(rule.level)} needs.`;
}

function fixes(count: number): string {
  return count === 1 ? 'it' : `these ${count}`;
}

/**
 * Explains an entity's level from its report, and plans with the engine the
 * fewest fixes to the next level and to gold.
 */
export function explainLevel(report: AvailabilityReport): LevelExplanation {
  if (report.level === null) {
    return {
      reason:
        report.workloads.length === 0
          ? 'No score: nothing in the clusters matches this entity yet, so there is no level to explain.'
          : 'No score: no check counted (every check was not applicable, unknown or exempt), so there is no level to explain.',
      fixFirst: [],
    };
  }
  const reason = why(report, report.level);
  const above = nextLevel(report.level);
  if (!above) {
    return { reason, fixFirst: [] };
  }
  const checks = plannedChecks(report);
  const first = items(report, planLevelUp(checks, above).steps);
  // Fixes that reach a level may reach beyond it: say what they reach.
  const reached = first.at(-1)?.level ?? above;
  let next = `Fix ${fixes(first.length)} for ${levelLabel(reached)}`;
  if (reached !== 'gold') {
    const toGold = planLevelUp(checks, 'gold').steps.filter(
      step => !first.some(item => item.fix === step.fix),
    );
    if (toGold.length > 0) {
      next += `; then ${list(
        items(report, toGold).map(item => item.checkId),
      )} for Gold`;
    }
  }
  return { reason, next: `${next}.`, fixFirst: first };
}
