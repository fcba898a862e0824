import type { CheckResult, Level } from '../types';
import { LEVELS } from '../contract';
import { LEVEL_RULES, scoreChecks, SEVERITY_WEIGHTS } from './scoring';

/**
 * A check result and the fix it belongs to: results that share a `fix` are
 * mended by one change (e.g. one check of one workload in every cluster).
 *
 * @public
 */
export interface PlannedCheck {
  fix: string;
  check: CheckResult;
}

/**
 * One fix of a {@link LevelUpPlan} and where the score stands once it and
 * the fixes before it are made.
 *
 * @public
 */
export interface LevelUpStep {
  fix: string;
  /** Score points this fix adds to the previous step's score. */
  adds: number;
  score: number;
  level: Level;
}

/**
 * The fewest fixes that reach a level, in the order to make them.
 *
 * @public
 */
export interface LevelUpPlan {
  target: Level;
  steps: LevelUpStep[];
}

/**
 * The level above `level`, or undefined for the best one.
 *
 * @public
 */
export function nextLevel(level: Level): Level | undefined {
  const index = LEVELS.indexOf(level);
  return index > 0 ? LEVELS[index - 1] : undefined;
}

function rank(level: Level): number {
  return LEVELS.length - LEVELS.indexOf(level);
}

/**
 * The fewest fixes that lift these checks to `target`. A fix turns every
 * failing result it carries into a pass. The fixes the target's rule demands
 * (no failing critical for silver, no critical or high for gold) come first;
 * then the fixes that add the most weight until the score is reached. Every
 * check's weight stays in the total when it passes, so taking the heaviest
 * fixes first reaches a score with the fewest of them. Each step's score is
 * the engine's own score of the checks with the fixes so far applied.
 *
 * @public
 */
export function planLevelUp(
  checks: readonly PlannedCheck[],
  target: Level,
): LevelUpPlan {
  const rule = LEVEL_RULES.find(r => r.level === target);
  const gains = new Map<string, { gain: number; demanded: boolean }>();
  for (const { fix, check } of checks) {
    if (check.status !== 'fail') {
      continue;
    }
    const entry = gains.get(fix) ?? { gain: 0, demanded: false };
    entry.gain += SEVERITY_WEIGHTS[check.severity] ?? 0;
    entry.demanded ||= rule?.noFailing.includes(check.severity) ?? false;
    gains.set(fix, entry);
  }
  const order = [...gains.entries()].sort(
    ([fixA, a], [fixB, b]) =>
      Number(b.demanded) - Number(a.demanded) ||
      b.gain - a.gain ||
      fixA.localeCompare(fixB),
  );

  const fixed = new Set<string>();
  const scoreWithFixes = () =>
    scoreChecks(
      checks.map(({ fix, check }) =>
        fixed.has(fix) && check.status === 'fail'
          ? { ...check, status: 'pass' as const }
          : check,
      ),
    );
  let current = scoreWithFixes();
  const steps: LevelUpStep[] = [];
  for (const [fix, { demanded }] of order) {
    if (!demanded && current.level && rank(current.level) >= rank(target)) {
      break;
    }
    fixed.add(fix);
    const after = scoreWithFixes();
    // A fix turns a failure into a pass, so something is judged after it.
    if (after.score === null) {
      continue;
    }
    steps.push({
      fix,
      adds: after.score - (current.score ?? 0),
      score: after.score,
      level: after.level,
    });
    current = after;
  }
  return { target, steps };
}

/**
 * The failing checks of a set that, fixed alone (every failing result of
 * that check id turned into a pass), lift the set to a better level: what
 * "fixing it moves N services up a level" counts across an organisation.
 *
 * @public
 */
export function levelLiftingChecks(checks: readonly CheckResult[]): string[] {
  const { level } = scoreChecks(checks);
  if (level === null) {
    return [];
  }
  const failingIds = new Set(
    checks.filter(c => c.status === 'fail').map(c => c.id),
  );
  return [...failingIds].sort().filter(id => {
    const after = scoreChecks(
      checks.map(c =>
        c.id === id && c.status === 'fail' ? { ...c, status: 'pass' } : c,
      ),
    );
    return after.level !== null && rank(after.level) > rank(level);
  });
}
