import { LEVELS } from '../contract';
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
 * Whether `level` is at least `required` (gold meets every level, none only
 * none).
 *
 * @public
 */
export function meetsLevel(level: Level, required: Level): boolean {
  // LEVELS runs from best to worst.
  return LEVELS.indexOf(level) <= LEVELS.indexOf(required);
}

/**
 * What each level asks for, best first: a minimum score and the severities
 * of which no check may fail. An entity below every rule has level `none`.
 *
 * @public
 */
export const LEVEL_RULES: ReadonlyArray<{
  level: Exclude<Level, 'none'>;
  minScore: number;
  noFailing: readonly Severity[];
}> = [
  { level: 'gold', minScore: 90, noFailing: ['critical', 'high'] },
  { level: 'silver', minScore: 75, noFailing: ['critical'] },
  { level: 'bronze', minScore: 50, noFailing: [] },
];

/**
 * A score and its level; both null when no check counts.
 *
 * @public
 */
export type Score =
  | { score: number; level: Level }
  | { score: null; level: null };

/**
 * A running score: checks are added one by one (the engine adds each result
 * to its entry's tally and to the report's), and `result` gives what
 * `scoreChecks` would for the same checks.
 *
 * @internal
 */
export class ScoreTally {
  passed = 0;
  total = 0;
  criticalFailure = false;
  highFailure = false;

  add(check: CheckResult) {
    const status = check.status;
    if (status === 'pass') {
      const weight = SEVERITY_WEIGHTS[check.severity] ?? 0;
      this.passed += weight;
      this.total += weight;
    } else if (status === 'fail') {
      this.total += SEVERITY_WEIGHTS[check.severity] ?? 0;
      if (check.severity === 'critical') {
        this.criticalFailure = true;
      } else if (check.severity === 'high') {
        this.highFailure = true;
      }
    }
  }

  /** Adds another tally's checks to this one. */
  merge(other: ScoreTally) {
    this.passed += other.passed;
    this.total += other.total;
    this.criticalFailure ||= other.criticalFailure;
    this.highFailure ||= other.highFailure;
  }

  result(): Score {
    const { passed, total } = this;
    if (total === 0) {
      // Nothing passed or failed: nothing was judged, so there is no score.
      return { score: null, level: null };
    }
    // Integer arithmetic: floor((200p + t) / 2t) is round-half-up of 100p/t.
    const score = Math.floor((200 * passed + total) / (2 * total));
    const failing: Record<Severity, boolean> = {
      critical: this.criticalFailure,
      high: this.highFailure,
      medium: false,
      low: false,
    };
    const rule = LEVEL_RULES.find(
      r => score >= r.minScore && !r.noFailing.some(s => failing[s]),
    );
    return { score, level: rule?.level ?? 'none' };
  }
}

/**
 * Scores a set of check results: 100 times the weight of passing checks over
 * the weight of passing and failing ones, rounded half up, and the level
 * that score and the failures allow; null and null when nothing counts.
 *
 * @public
 */
export function scoreChecks(checks: Iterable<CheckResult>): Score {
  const tally = new ScoreTally();
  for (const check of checks) {
    tally.add(check);
  }
  return tally.result();
}
