import type { CheckResult, Level, Severity } from '../types';

/**
 * How much a passing or failing check of each severity weighs in a score.
 *
 * @public
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
};

/**
 * The levels, best first.
 *
 * @public
 */
export const LEVELS: readonly Level[] = ['gold', 'silver', 'bronze', 'none'];

/**
 * Scores a set of check results: 100 times the weight of passing checks over
 * the weight of passing and failing ones, rounded half up (100 when nothing
 * counts), and the level that score and the failures allow.
 *
 * @public
 */
export function scoreChecks(checks: Iterable<CheckResult>): {
  score: number;
  level: Level;
} {
  let passed = 0;
  let total = 0;
  let criticalFailure = false;
  let highFailure = false;
  for (const check of checks) {
    const weight = SEVERITY_WEIGHTS[check.severity] ?? 0;
    if (check.status === 'pass') {
      passed += weight;
      total += weight;
    } else if (check.status === 'fail') {
      total += weight;
      criticalFailure ||= check.severity === 'critical';
      highFailure ||= check.severity === 'high';
    }
  }
  // Integer arithmetic: floor((200p + t) / 2t) is round-half-up of 100p/t.
  const score =
    total === 0 ? 100 : Math.floor((200 * passed + total) / (2 * total));
  let level: Level = 'none';
  if (score >= 90 && !criticalFailure && !highFailure) {
    level = 'gold';
  } else if (score >= 75 && !criticalFailure) {
    level = 'silver';
  } else if (score >= 50) {
    level = 'bronze';
  }
  return { score, level };
}
