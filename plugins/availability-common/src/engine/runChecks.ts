import { SEVERITIES } from '../contract';
import type { CheckResult, Severity } from '../types';
import type { ResolvedAvailabilityConfig } from './config';
import type { ExemptionMatch } from './exemptions';
import type { AvailabilityCheck, CheckOutcome } from './model';
import { notApplicable, unknown } from './outcomes';
import { describeValue } from './read';
import { ScoreTally } from './scoring';

const KIND_PLURALS: Record<string, string> = {
  Deployment: 'Deployments',
  StatefulSet: 'StatefulSets',
  DaemonSet: 'DaemonSets',
  Rollout: 'Rollouts',
  Pod: 'bare Pods',
  HorizontalPodAutoscaler: 'HorizontalPodAutoscalers',
  ScaledObject: 'ScaledObjects',
};

const RUNTIME_ON_MANIFEST = unknown(
  'Runtime check: it needs the live state from a cluster, which manifests do not carry.',
);

/** How many distinct results of one check and status are shared. */
const SHARED_RESULTS = 1024;
/** Lookups of one check and status after which a low hit rate stops them. */
const LOOKUPS_BEFORE_GIVING_UP = 256;

interface SharedResults {
  byMessage: Map<string, CheckResult>;
  hits: number;
  misses: number;
}

function sharedResults(): SharedResults {
  return { byMessage: new Map(), hits: 0, misses: 0 };
}

/**
 * `text` in one piece. Checks build messages and remediations with template
 * literals, which V8 keeps as trees of the pieces joined (one heap object
 * per piece): a report of 10,000 workloads held some 3.5 million of them,
 * and every young-generation collection copied them. `trim` hands back the
 * string copied flat (the same characters when nothing was trimmed), so the
 * tree dies young and the report keeps one string per text.
 */
function flat(text: string): string {
  const trimmed = text.trim();
  return trimmed.length === text.length ? trimmed : text;
}

function remediationOf(outcome: CheckOutcome): string | null {
  return outcome.status === 'fail' ? outcome.remediation ?? null : null;
}

/**
 * An enabled check with what does not change between entries worked out
 * once per evaluation: its severity, the kinds it applies to, and the
 * results it gave so far. Most results repeat from entry to entry
 * ("3 replicas."), so equal ones are built once and shared (frozen) instead
 * of allocated per entry: the report of a large input is mostly such
 * results.
 *
 * @internal
 */
export class PlannedCheck<C extends AvailabilityCheck = AvailabilityCheck> {
  readonly check: C;
  readonly severity: Severity;
  readonly runtime: boolean;
  readonly #kinds: ReadonlySet<string>;
  readonly #notApplicable = new Map<string, CheckOutcome>();
  /** Results given so far, by status and message. */
  readonly #shared: Record<CheckOutcome['status'], SharedResults> = {
    pass: sharedResults(),
    fail: sharedResults(),
    'not-applicable': sharedResults(),
    unknown: sharedResults(),
  };

  constructor(check: C, config: ResolvedAvailabilityConfig) {
    const override = config.checks[check.id]?.severity;
    this.check = check;
    this.severity =
      override && SEVERITIES.includes(override) ? override : check.severity;
    this.runtime = check.category === 'runtime';
    this.#kinds = new Set<string>(check.appliesTo);
  }

  /**
   * The check's outcome on one subject: not-applicable for other kinds,
   * `unknown` for a runtime check on manifests or when the check trips over
   * malformed input, and `templateMissing` when the subject's pod template
   * cannot be read and the check reads it.
   */
  run(
    subject: Parameters<C['run']>[0],
    kind: string,
    live: boolean,
    templateMissing?: CheckOutcome,
  ): CheckOutcome {
    if (this.runtime && !live) {
      return RUNTIME_ON_MANIFEST;
    }
    if (!this.#kinds.has(kind)) {
      return this.#kindNotApplicable(kind);
    }
    if (templateMissing && this.check.readsPodTemplate !== false) {
      return templateMissing;
    }
    try {
      return (this.check.run as (s: typeof subject) => CheckOutcome)(subject);
    } catch (error) {
      return unknown(
        `The object has an unexpected shape, so this check could not read it (${
          error instanceof Error ? error.message : describeValue(error)
        }).`,
      );
    }
  }

  /**
   * The result of an outcome that no exemption changes: shared with an
   * earlier entry that had the same status, message and remediation.
   */
  result(outcome: CheckOutcome): CheckResult {
    const shared = this.#shared[outcome.status];
    if (
      shared.misses > LOOKUPS_BEFORE_GIVING_UP &&
      shared.hits < shared.misses
    ) {
      // Results of this status name what they found on each entry (a
      // container, a NetworkPolicy): looking them up costs more than it saves.
      return this.freshResult(outcome);
    }
    // Flattened first: a lookup would otherwise copy it just to hash it.
    const message = flat(outcome.message);
    const remediation = remediationOf(outcome);
    const seen = shared.byMessage.get(message);
    if (seen && seen.remediation === remediation) {
      shared.hits++;
      return seen;
    }
    shared.misses++;
    const result = this.#build(outcome, message, remediation);
    if (!seen && shared.byMessage.size < SHARED_RESULTS) {
      shared.byMessage.set(message, Object.freeze(result));
    }
    return result;
  }

  /** A result of its own, for an entry to change (an exemption). */
  freshResult(outcome: CheckOutcome): CheckResult {
    return this.#build(outcome, flat(outcome.message), remediationOf(outcome));
  }

  #build(
    outcome: CheckOutcome,
    message: string,
    remediation: string | null,
  ): CheckResult {
    return {
      id: this.check.id,
      status: outcome.status,
      severity: this.severity,
      message,
      remediation: remediation === null ? null : flat(remediation),
      reason: null,
    };
  }

  #kindNotApplicable(kind: string): CheckOutcome {
    let outcome = this.#notApplicable.get(kind);
    if (!outcome) {
      outcome = notApplicable(
        `Does not apply to ${KIND_PLURALS[kind] ?? kind}.`,
      );
      this.#notApplicable.set(kind, outcome);
    }
    return outcome;
  }
}

/** The enabled checks of `checks`, planned for one evaluation. */
export function planChecks<C extends AvailabilityCheck>(
  checks: readonly C[],
  config: ResolvedAvailabilityConfig,
): PlannedCheck<C>[] {
  return checks
    .filter(check => config.checks[check.id]?.enabled !== false)
    .map(check => new PlannedCheck(check, config));
}

/**
 * Runs the checks of one report entry, applies its exemptions and tallies
 * its score. `exemptionFor` is asked about failures only.
 *
 * @internal
 */
export function runEntryChecks<C extends AvailabilityCheck>(options: {
  planned: readonly PlannedCheck<C>[];
  subject: Parameters<C['run']>[0];
  kind: string;
  live: boolean;
  /** Why the pod template cannot be read, when it cannot. */
  templateMissing?: string;
  exemptionFor: (checkId: string) => ExemptionMatch | undefined;
}): { checks: CheckResult[]; entryTally: ScoreTally } {
  const { planned, subject, kind, live, exemptionFor } = options;
  const templateMissing =
    options.templateMissing === undefined
      ? undefined
      : unknown(options.templateMissing);
  const entryTally = new ScoreTally();
  const checks: CheckResult[] = new Array(planned.length);
  for (let i = 0; i < planned.length; i++) {
    const check = planned[i];
    const outcome = check.run(subject, kind, live, templateMissing);
    const exemption =
      outcome.status === 'fail' ? exemptionFor(check.check.id) : undefined;
    const result = exemption
      ? exempted(check.freshResult(outcome), exemption)
      : check.result(outcome);
    entryTally.add(result);
    checks[i] = result;
  }
  return { checks, entryTally };
}

function exempted(result: CheckResult, exemption: ExemptionMatch) {
  if (!exemption.active) {
    result.message = flat(`${result.message} ${exemption.note}`);
    return result;
  }
  result.status = 'exempt';
  result.reason = exemption.reason;
  result.exemptedBy = exemption.origin;
  if (exemption.until) {
    result.until = exemption.until;
  }
  return result;
}
