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
import { ExemptionMatch, ExemptionResolver } from './exemptions';
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
import { kindNotApplicable, unknown } from './outcomes';
import { asInt, asRecord, describeValue, isRecord, stringMap } from './read';
import { scoreChecks } from './scoring';

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

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
  const workloadChecks = enabled.filter(
    (check): check is WorkloadCheck => check.target === 'workload',
  );
  const serviceChecks = enabled.filter(
    (check): check is ServiceCheck => check.target === 'service',
  );
  const dockerfileChecks = enabled.filter(
    (check): check is DockerfileCheck => check.target === 'dockerfile',
  );

  const entries: WorkloadReport[] = [];
  for (const workload of index.workloads) {
    const ctx = workloadContext(workload, index, config.thresholds);
    const exemptionFor = exemptions.forTarget(workload);
    const checks = workloadChecks.map(check =>
      toResult(check, runWorkloadCheck(check, ctx), exemptionFor, config),
    );
    const entry = toEntry(workload, checks);
    if (ctx.live) {
      entry.evidence = workloadEvidence(workload, ctx.pods, ctx.nodeNamed);
    }
    entries.push(entry);
  }
  for (const service of index.services) {
    const ctx = {
      service,
      selectedWorkloads: index.workloadsSelectedBy(service),
      namespaceWorkloads: index.workloadsInNamespaceOf(service),
    };
    const exemptionFor = exemptions.forTarget(service);
    const checks = serviceChecks.map(check =>
      toResult(
        check,
        guard(() => check.run(ctx)),
        exemptionFor,
        config,
      ),
    );
    entries.push(toEntry(service, checks));
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
    const exemptionFor = exemptions.forTarget(target);
    const checks = dockerfileChecks.map(check =>
      toResult(
        check,
        guard(() => check.run(ctx)),
        exemptionFor,
        config,
      ),
    );
    entries.push({
      kind: 'Dockerfile',
      namespace: '',
      name: input.path,
      ...scoreChecks(checks),
      checks,
      source: { path: input.path },
    });
  }

  return {
    ...scoreChecks(allChecks(entries)),
    workloads: entries,
    errors: [],
  };
}

/** Every check of every entry, without copying them into one array. */
function* allChecks(entries: WorkloadReport[]): Iterable<CheckResult> {
  for (const entry of entries) {
    yield* entry.checks;
  }
}

function runWorkloadCheck(
  check: WorkloadCheck,
  ctx: WorkloadCheckContext,
): CheckOutcome {
  if (check.category === 'runtime' && !ctx.live) {
    return unknown(
      'Runtime check: it needs the live state from a cluster, which manifests do not carry.',
    );
  }
  if (!check.appliesTo.includes(ctx.workload.kind)) {
    return kindNotApplicable(ctx.workload.kind);
  }
  try {
    return check.run(ctx);
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
  check: AvailabilityCheck,
  outcome: CheckOutcome,
  exemptionFor: (checkId: string) => ExemptionMatch | undefined,
  config: ResolvedAvailabilityConfig,
): CheckResult {
  const override = config.checks[check.id]?.severity;
  const severity =
    override && SEVERITIES.includes(override) ? override : check.severity;
  if (outcome.status !== 'fail') {
    return {
      id: check.id,
      status: outcome.status,
      severity,
      message: outcome.message,
      remediation: null,
      reason: null,
    };
  }
  // Only failures can be exempt, so only they look exemptions up.
  const exemption = exemptionFor(check.id);
  const result: CheckResult = {
    id: check.id,
    status: 'fail',
    severity,
    message: outcome.message,
    remediation: outcome.remediation ?? null,
    reason: null,
  };
  if (!exemption) {
    return result;
  }
  if (!exemption.active) {
    result.message = `${result.message} ${exemption.note}`;
    return result;
  }
  result.status = 'exempt';
  result.reason = exemption.reason;
  if (exemption.until) {
    result.until = exemption.until;
  }
  return result;
}

function toEntry(
  target: {
    kind: string;
    namespace: string;
    name: string;
    cluster?: string;
    source?: WorkloadReport['source'];
  },
  checks: CheckResult[],
): WorkloadReport {
  return {
    kind: target.kind,
    namespace: target.namespace,
    name: target.name,
    ...(target.cluster !== undefined ? { cluster: target.cluster } : {}),
    ...scoreChecks(checks),
    checks,
    ...(target.source ? { source: target.source } : {}),
  };
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
