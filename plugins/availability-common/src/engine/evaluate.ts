import type {
  AvailabilityReport,
  CheckResult,
  DockerfileInput,
  EvaluateOptions,
  EvaluationObject,
  Severity,
  WorkloadReport,
} from '../types';
import { availabilityChecks } from '../checks';
import { resolveConfig, ResolvedAvailabilityConfig } from './config';
import { parseDockerfile } from './dockerfile';
import { workloadEvidence } from './evidence';
import {
  ExemptionMatch,
  ExemptionResolver,
  ExemptionTarget,
} from './exemptions';
import type {
  AvailabilityCheck,
  CheckOutcome,
  DockerfileCheck,
  EffectiveReplicas,
  HorizontalPodAutoscaler,
  ServiceCheck,
  Thresholds,
  Workload,
  WorkloadCheck,
  WorkloadCheckContext,
} from './model';
import { ObjectIndex } from './objectIndex';
import { constant, kindNotApplicable, unknown } from './outcomes';
import { asInt, asRecord, describeValue, isRecord, stringMap } from './read';
import { ScoreTally } from './scoring';

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * The exemption lookup of one entry, made on its first failure only: most
 * entries never need their annotations parsed.
 */
class ExemptionLookup {
  readonly #resolver: ExemptionResolver;
  readonly #target: ExemptionTarget;
  #find: ((checkId: string) => ExemptionMatch | undefined) | undefined;

  constructor(resolver: ExemptionResolver, target: ExemptionTarget) {
    this.#resolver = resolver;
    this.#target = target;
  }

  find(checkId: string): ExemptionMatch | undefined {
    this.#find ??= this.#resolver.forTarget(this.#target);
    return this.#find(checkId);
  }
}

/**
 * Evaluates Kubernetes objects (and optionally Dockerfiles) against the
 * availability checks and scores the result.
 *
 * Objects with a `cluster` are live: runtime checks read their status and the
 * pods, Nodes, HPAs and PDBs of the same cluster in the input. Objects without
 * one are manifests, on which runtime checks are `unknown`. Objects only ever
 * relate to objects of the same cluster (or manifest set) and namespace.
 * Zone data for `runtime-zone-spread` comes from `Node` objects in the input
 * (label `topology.kubernetes.io/zone`).
 *
 * Never throws on malformed objects; `errors` is empty for callers to fill.
 *
 * @public
 */
export function evaluate(
  objects: readonly EvaluationObject[],
  options: EvaluateOptions = {},
): AvailabilityReport {
  const opts: EvaluateOptions = isRecord(options) ? options : {};
  const config = resolveConfig(opts.config);
  const index = ObjectIndex.build(objects);
  const exemptions = new ExemptionResolver({
    now: opts.now,
    entityAnnotations: stringMap(opts.entityAnnotations),
    config: config.exemptions,
  });
  const enabled = availabilityChecks.filter(
    check => config.checks[check.id]?.enabled !== false,
  );
  const workloadChecks = plan(
    enabled.filter(
      (check): check is WorkloadCheck => check.target === 'workload',
    ),
    config,
  );
  const serviceChecks = plan(
    enabled.filter(
      (check): check is ServiceCheck => check.target === 'service',
    ),
    config,
  );
  const dockerfileChecks = plan(
    enabled.filter(
      (check): check is DockerfileCheck => check.target === 'dockerfile',
    ),
    config,
  );

  const entries: WorkloadReport[] = [];
  const tally = new ScoreTally();
  for (const workload of index.workloads) {
    const ctx = workloadContext(workload, index, config.thresholds);
    const { checks, entryTally } = runEntryChecks(
      workloadChecks,
      planned => runWorkloadCheck(planned, ctx),
      new ExemptionLookup(exemptions, workload),
    );
    const entry = toEntry(workload, entryTally, checks);
    if (ctx.live) {
      entry.evidence = workloadEvidence(workload, ctx);
    }
    tally.merge(entryTally);
    entries.push(entry);
  }
  for (const service of index.services) {
    const ctx = {
      service,
      selectedWorkloads: index.workloadsSelectedBy(service),
      namespaceWorkloads: index.workloadsInNamespaceOf(service),
    };
    const { checks, entryTally } = runEntryChecks(
      serviceChecks,
      planned => guard(() => planned.check.run(ctx)),
      new ExemptionLookup(exemptions, service),
    );
    tally.merge(entryTally);
    entries.push(toEntry(service, entryTally, checks));
  }
  const dockerfiles: unknown = opts.dockerfiles;
  for (const input of Array.isArray(dockerfiles) ? dockerfiles : []) {
    if (!isDockerfileInput(input)) {
      continue;
    }
    const ctx = {
      path: input.path,
      dockerfile: parseDockerfile(input.content),
      hasDockerignore: input.hasDockerignore === true,
    };
    const target = {
      kind: 'Dockerfile',
      name: input.path,
      namespace: '',
      annotations: {},
    };
    const { checks, entryTally } = runEntryChecks(
      dockerfileChecks,
      planned => guard(() => planned.check.run(ctx)),
      new ExemptionLookup(exemptions, target),
    );
    tally.merge(entryTally);
    entries.push({
      kind: 'Dockerfile',
      namespace: '',
      name: input.path,
      ...entryTally.result(),
      checks,
      source: { path: input.path },
    });
  }

  return {
    ...tally.result(),
    workloads: entries,
    errors: [],
  };
}

/**
 * An enabled check with what does not change between entries worked out
 * once per evaluation: its severity, the kinds it applies to, and the
 * results of its constant outcomes, built on first use and then shared.
 */
interface PlannedCheck<C extends AvailabilityCheck> {
  check: C;
  severity: Severity;
  runtime: boolean;
  kinds: ReadonlySet<string>;
  shared: Map<CheckOutcome, CheckResult>;
}

function plan<C extends AvailabilityCheck>(
  checks: C[],
  config: ResolvedAvailabilityConfig,
): PlannedCheck<C>[] {
  return checks.map(check => {
    const override = config.checks[check.id]?.severity;
    return {
      check,
      severity:
        override && SEVERITIES.includes(override) ? override : check.severity,
      runtime: check.category === 'runtime',
      kinds: new Set<string>(check.appliesTo),
      shared: new Map(),
    };
  });
}

const RUNTIME_ON_MANIFEST = constant(
  unknown(
    'Runtime check: it needs the live state from a cluster, which manifests do not carry.',
  ),
);

/** Runs the checks of one report entry, applies its exemptions and tallies its score. */
function runEntryChecks<C extends AvailabilityCheck>(
  planned: PlannedCheck<C>[],
  run: (check: PlannedCheck<C>) => CheckOutcome,
  lookup: ExemptionLookup,
): { checks: CheckResult[]; entryTally: ScoreTally } {
  const entryTally = new ScoreTally();
  const checks: CheckResult[] = new Array(planned.length);
  for (let i = 0; i < planned.length; i++) {
    const result = toResult(planned[i], run(planned[i]), lookup);
    entryTally.add(result);
    checks[i] = result;
  }
  return { checks, entryTally };
}

function runWorkloadCheck(
  planned: PlannedCheck<WorkloadCheck>,
  ctx: WorkloadCheckContext,
): CheckOutcome {
  if (planned.runtime && !ctx.live) {
    return RUNTIME_ON_MANIFEST;
  }
  if (!planned.kinds.has(ctx.workload.kind)) {
    return kindNotApplicable(ctx.workload.kind);
  }
  try {
    return planned.check.run(ctx);
  } catch (error) {
    return unreadable(error);
  }
}

/** A last line of defence: a check that trips over input reports `unknown`. */
function guard(run: () => CheckOutcome): CheckOutcome {
  try {
    return run();
  } catch (error) {
    return unreadable(error);
  }
}

function unreadable(error: unknown): CheckOutcome {
  return unknown(
    `The object has an unexpected shape, so this check could not read it (${
      error instanceof Error ? error.message : describeValue(error)
    }).`,
  );
}

function toResult(
  planned: PlannedCheck<AvailabilityCheck>,
  outcome: CheckOutcome,
  lookup: ExemptionLookup,
): CheckResult {
  if (outcome.status !== 'fail') {
    if (outcome.fixed) {
      // The same constant outcome always gives the same result: share it.
      let result = planned.shared.get(outcome);
      if (!result) {
        result = Object.freeze(plainResult(planned, outcome));
        planned.shared.set(outcome, result);
      }
      return result;
    }
    return plainResult(planned, outcome);
  }
  // Only failures can be exempt, so only they look exemptions up.
  const exemption = lookup.find(planned.check.id);
  if (!exemption) {
    if (outcome.fixed) {
      let result = planned.shared.get(outcome);
      if (!result) {
        result = Object.freeze(plainResult(planned, outcome));
        planned.shared.set(outcome, result);
      }
      return result;
    }
    return plainResult(planned, outcome);
  }
  const result = plainResult(planned, outcome);
  if (!exemption.active) {
    result.message = `${result.message} ${exemption.note}`;
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

function plainResult(
  planned: PlannedCheck<AvailabilityCheck>,
  outcome: CheckOutcome,
): CheckResult {
  return {
    id: planned.check.id,
    status: outcome.status,
    severity: planned.severity,
    message: outcome.message,
    remediation: outcome.status === 'fail' ? outcome.remediation ?? null : null,
    reason: null,
  };
}

function toEntry(
  target: {
    kind: string;
    namespace: string;
    name: string;
    cluster?: string;
    source?: WorkloadReport['source'];
  },
  tally: ScoreTally,
  checks: CheckResult[],
): WorkloadReport {
  const { score, level } = tally.result();
  const entry: WorkloadReport =
    target.cluster !== undefined
      ? {
          kind: target.kind,
          namespace: target.namespace,
          name: target.name,
          cluster: target.cluster,
          score,
          level,
          checks,
        }
      : {
          kind: target.kind,
          namespace: target.namespace,
          name: target.name,
          score,
          level,
          checks,
        };
  if (target.source) {
    entry.source = target.source;
  }
  return entry;
}

function workloadContext(
  workload: Workload,
  index: ObjectIndex,
  thresholds: Thresholds,
): WorkloadCheckContext {
  const hpa =
    workload.kind === 'Deployment' || workload.kind === 'StatefulSet'
      ? index.hpaFor(workload)
      : undefined;
  return {
    workload,
    live: workload.cluster !== undefined,
    thresholds,
    hpa,
    pdbs: index.pdbsFor(workload),
    networkPolicies: index.networkPoliciesFor(workload),
    pods: index.podsFor(workload),
    replicas: effectiveReplicas(workload, hpa),
    servicesNamed: name => index.servicesNamed(workload, name),
    claimNamed: name => index.claimNamed(workload, name),
    nodeNamed: name => index.nodeNamed(workload.cluster, name),
  };
}

/**
 * The HPA's `minReplicas` (default 1) when one targets the workload, else
 * `spec.replicas` (default 1); none for DaemonSets and bare Pods.
 */
function effectiveReplicas(
  workload: Workload,
  hpa: HorizontalPodAutoscaler | undefined,
): EffectiveReplicas | undefined {
  if (workload.kind !== 'Deployment' && workload.kind !== 'StatefulSet') {
    return undefined;
  }
  if (hpa) {
    const raw = asRecord(hpa.spec)?.minReplicas;
    if (raw === undefined || raw === null) {
      return { value: 1, from: 'hpa' };
    }
    const value = asInt(raw);
    return value !== undefined && value >= 0
      ? { value, from: 'hpa' }
      : {
          from: 'hpa',
          problem: `The HPA's minReplicas (${describeValue(
            raw,
          )}) is not a whole number.`,
        };
  }
  const raw = workload.spec.replicas;
  if (raw === undefined || raw === null) {
    return { value: 1, from: 'default' };
  }
  const value = asInt(raw);
  return value !== undefined && value >= 0
    ? { value, from: 'spec' }
    : {
        from: 'spec',
        problem: `spec.replicas (${describeValue(raw)}) is not a whole number.`,
      };
}

function isDockerfileInput(value: unknown): value is DockerfileInput {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    typeof value.content === 'string'
  );
}
