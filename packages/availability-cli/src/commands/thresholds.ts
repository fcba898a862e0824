import {
  meetsLevel,
  type AvailabilityReport,
  type Level,
} from '@availability-backstage/plugin-availability-common';

export interface Thresholds {
  minScore?: number;
  minLevel?: Level;
}

/**
 * Why the report misses the thresholds; empty when it meets them. A report
 * without a score has nothing to hold to a threshold (the caller decides
 * what an empty run means).
 */
export function unmetThresholds(
  report: AvailabilityReport,
  thresholds: Thresholds,
): string[] {
  const unmet: string[] = [];
  if (report.score === null || report.level === null) {
    return unmet;
  }
  if (thresholds.minScore !== undefined && report.score < thresholds.minScore) {
    unmet.push(
      `score ${report.score} is below the minimum of ${thresholds.minScore}`,
    );
  }
  if (
    thresholds.minLevel !== undefined &&
    !meetsLevel(report.level, thresholds.minLevel)
  ) {
    unmet.push(
      `level ${report.level} is below the minimum of ${thresholds.minLevel}`,
    );
  }
  return unmet;
}
