import type { Level } from '@availability-backstage/plugin-availability-common';

export const REPORTS = 'availability_reports';
export const FAILING = 'availability_failing_checks';
export const HISTORY = 'availability_history';
export const DAILY = 'availability_daily_scores';
export const NODES = 'availability_cluster_nodes';
export const OBJECTS = 'availability_entity_objects';

/** A row of `availability_reports`. */
export type ReportRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
  score: number | null;
  level: string | null;
  /** Entries of the latest good report; null until one exists. */
  entries: number | null;
  failing_checks: string;
  report: string | null;
  /** The clusters asked on the last refresh, as JSON (a failed one overwrites them). */
  clusters: string;
  /** JSON array of the clusters the latest good report's workloads came from. */
  workload_clusters: string | null;
  /** JSON of the report as the exemption ledger reads it; null when no check is exempt. */
  exemption_report: string | null;
  /** JSON of the report as the failure-domain analyses read it; null on rows written before it existed. */
  live_evidence: string | null;
  refreshed_at: string | null;
  stale: boolean | number;
  last_error_message: string | null;
  last_error_at: string | null;
};

/** A row of `availability_history`. */
export type HistoryRow = {
  id: number;
  entity_ref: string;
  refreshed_at: string;
  day: string;
  score: number | string;
  level: Level;
  failing_checks: string;
};

/** Counts and score sums grouped by level (and owner or day), as SQL returns them. */
export type LevelGroupRow = {
  level: string | null;
  count: number | string;
  total: number | string | null;
};

export type OwnerGroupRow = LevelGroupRow & { owner: string | null };
export type DayGroupRow = LevelGroupRow & { day: string };
export type CheckCountRow = {
  check_id: string;
  count: number | string;
  /** Rows whose entity one fix of the check lifts a level. */
  moves_up: number | string | null;
};

export function parseJsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  const value = JSON.parse(text);
  return Array.isArray(value) ? value : [];
}
