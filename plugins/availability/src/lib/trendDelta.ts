import { HistoryPoint } from '@availability-backstage/plugin-availability-common';

const WEEK = 7 * 86_400_000;

/** A score change and the point it is measured from. */
export interface ScoreDelta {
  delta: number;
  /** ISO timestamp of the point compared with. */
  since: string;
}

/**
 * The score's change against one week ago: the last point at least a week
 * old, or the oldest point when the history is younger than a week.
 * Undefined without an earlier point.
 */
export function weekDelta(
  history: HistoryPoint[],
  score: number,
  now: Date = new Date(),
): ScoreDelta | undefined {
  const points = [...history].sort((a, b) =>
    a.refreshedAt.localeCompare(b.refreshedAt),
  );
  if (points.length < 2) {
    return undefined;
  }
  const weekAgo = now.getTime() - WEEK;
  const base =
    [...points]
      .reverse()
      .find(p => new Date(p.refreshedAt).getTime() <= weekAgo) ?? points[0];
  return { delta: score - base.score, since: base.refreshedAt };
}

/** "+6 since a week ago", "no change since 3 days ago". */
export function describeDelta(
  delta: ScoreDelta,
  formatSince: (iso: string) => string,
): string {
  const since = formatSince(delta.since);
  if (delta.delta === 0) {
    return `no change since ${since}`;
  }
  return `${delta.delta > 0 ? '+' : '−'}${Math.abs(
    delta.delta,
  )} since ${since}`;
}

/**
 * What a refresh changed, for the message that ends it: improved, unchanged
 * or worse, and by how much.
 */
export function describeRefresh(
  before: { score: number; level: string } | undefined,
  after: { score: number; level: string },
): { message: string; severity: 'success' | 'info' | 'warning' } {
  if (!before) {
    return {
      message: `Refreshed: score ${after.score} (${after.level})`,
      severity: 'success',
    };
  }
  const change = after.score - before.score;
  const levels =
    before.level === after.level
      ? after.level
      : `${before.level} → ${after.level}`;
  if (change === 0 && before.level === after.level) {
    return {
      message: `Refreshed: unchanged at ${after.score} (${levels})`,
      severity: 'info',
    };
  }
  if (change >= 0) {
    return {
      message: `Refreshed: improved by ${change}, ${before.score} → ${after.score} (${levels})`,
      severity: 'success',
    };
  }
  return {
    message: `Refreshed: worse by ${-change}, ${before.score} → ${
      after.score
    } (${levels})`,
    severity: 'warning',
  };
}
