import { scoreChecks } from '../engine';
import type { CheckResult, ExemptionOrigin, Level, Severity } from '../types';
import type { EntityReportInput } from './types';

/**
 * One active waiver: which check it waives on which object of which
 * entity, and what the entity would score if it lapsed.
 *
 * @public
 */
export interface ExemptionLedgerEntry {
  entityRef: string;
  title?: string;
  owner?: string;
  object: { kind: string; namespace: string; name: string; cluster?: string };
  check: string;
  severity: Severity;
  /** Where the exemption is declared; absent in reports older than this field. */
  origin?: ExemptionOrigin;
  reason: string;
  /** ISO date, inclusive; null when it never lapses. */
  until: string | null;
  score: number | null;
  level: Level | null;
  /** The entity's score and level if this one waiver lapsed (the check failing again). */
  scoreIfLapsed: number | null;
  levelIfLapsed: Level | null;
  /** Why the waiver is flagged: no expiry, or an expiry past the horizon. */
  flag?: string;
}

/** @public */
export interface ExemptionLedgerOptions {
  now: Date;
  /** Waivers that run longer than this from `now` (or forever) are flagged; default 365. */
  horizonDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Every active exemption of the given entities' reports, one row per
 * exempt check, with the score each entity would lose if it lapsed.
 *
 * @public
 */
export function exemptionLedger(
  entities: readonly EntityReportInput[],
  options: ExemptionLedgerOptions,
): ExemptionLedgerEntry[] {
  const horizonDays = options.horizonDays ?? 365;
  const horizon = new Date(options.now.getTime() + horizonDays * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const rows: ExemptionLedgerEntry[] = [];
  for (const entity of entities) {
    const all = entity.report.workloads.flatMap(entry => entry.checks);
    for (const entry of entity.report.workloads) {
      for (const check of entry.checks) {
        if (check.status !== 'exempt') {
          continue;
        }
        const lapsed = scoreChecks(
          all.map(c => (c === check ? asFailure(c) : c)),
        );
        const until = check.until ?? null;
        let flag: string | undefined;
        if (until === null) {
          flag = 'never expires';
        } else if (until > horizon) {
          flag = `runs past ${horizonDays} days (until ${until})`;
        }
        rows.push({
          entityRef: entity.entityRef,
          ...(entity.title ? { title: entity.title } : {}),
          ...(entity.owner ? { owner: entity.owner } : {}),
          object: {
            kind: entry.kind,
            namespace: entry.namespace,
            name: entry.name,
            ...(entry.cluster !== undefined ? { cluster: entry.cluster } : {}),
          },
          check: check.id,
          severity: check.severity,
          ...(check.exemptedBy ? { origin: check.exemptedBy } : {}),
          reason: check.reason ?? '',
          until,
          score: entity.report.score,
          level: entity.report.level,
          scoreIfLapsed: lapsed.score,
          levelIfLapsed: lapsed.level,
          ...(flag ? { flag } : {}),
        });
      }
    }
  }
  return rows;
}

function asFailure(check: CheckResult): CheckResult {
  return { ...check, status: 'fail' };
}
