import type {
  AvailabilityReport,
  CheckResult,
  DockerfileInput,
  EvaluateOptions,
  EvaluationObject,
  WorkloadReport,
} from '../types';
import { availabilityChecks } from '../checks';
import { resolveConfig } from './config';
import { parseDockerfile } from './dockerfile';
import { workloadEvidence } from './evidence';
import {
  ExemptionMatch,
  ExemptionResolver,
  ExemptionTarget,
} from './exemptions';
import type {
  Autoscaler,
  AutoscalerCheck,
  AvailabilityCheck,
  DockerfileCheck,
  ServiceCheck,
  ServiceSubject,
  ServiceTarget,
  Thresholds,
  Workload,
  WorkloadCheck,
  WorkloadSubject,
} from './model';
import { REPLICATED_KINDS } from './model';
import { ObjectIndex } from './objectIndex';
import { isRecord, stringMap } from './read';
import { effectiveReplicas } from './replicas';
import { planChecks, runEntryChecks } from './runChecks';
import { ScoreTally } from './scoring';

/**
 * The exemption lookup of one entry, made on its first failure only: most
 * entries never need their annotations parsed.
 */
function exemptionsOf(
  resolver: ExemptionResolver,
  target: ExemptionTarget,
): (checkId: string) => ExemptionMatch | undefined {
  let find: ((checkId: string) => ExemptionMatch | undefined) | undefined;
  return checkId => {
    find ??= resolver.forTarget(target);
    return find(checkId);
  };
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
  const plan = <C extends AvailabilityCheck>(
    ofKind: (check: AvailabilityCheck) => check is C,
  ) => planChecks(availabilityChecks.filter(ofKind), config);
  const workloadChecks = plan(isWorkloadCheck);
  const serviceChecks = plan(isServiceCheck);
  const autoscalerChecks = plan(isAutoscalerCheck);
  const dockerfileChecks = plan(isDockerfileCheck);

  const entries: WorkloadReport[] = [];
  const tally = new ScoreTally();
  for (const workload of index.workloads) {
    const subject = workloadSubject(workload, index, config.thresholds);
    const { checks, entryTally } = runEntryChecks({
      planned: workloadChecks,
      subject,
      kind: workload.kind,
      live: subject.live,
      templateMissing: workload.templateMissing,
      exemptionFor: exemptionsOf(exemptions, workload),
    });
    const entry = toEntry(workload, entryTally, checks);
    if (subject.live) {
      entry.evidence = workloadEvidence(workload, subject);
    }
    tally.merge(entryTally);
    entries.push(entry);
  }
  for (const service of index.services) {
    const { checks, entryTally } = runEntryChecks({
      planned: serviceChecks,
      subject: serviceSubject(service, index),
      kind: 'Service',
      live: service.cluster !== undefined,
      exemptionFor: exemptionsOf(exemptions, service),
    });
    tally.merge(entryTally);
    entries.push(toEntry(service, entryTally, checks));
  }
  for (const autoscaler of index.autoscalers) {
    const { checks, entryTally } = runEntryChecks({
      planned: autoscalerChecks,
      subject: { autoscaler, ...index.autoscalerRelationsOf(autoscaler) },
      kind: autoscaler.kind,
      live: autoscaler.cluster !== undefined,
      exemptionFor: exemptionsOf(exemptions, autoscaler),
    });
    tally.merge(entryTally);
    entries.push(toEntry(autoscaler, entryTally, checks));
  }
  const dockerfiles: unknown = opts.dockerfiles;
  for (const input of Array.isArray(dockerfiles) ? dockerfiles : []) {
    if (!isDockerfileInput(input)) {
      continue;
    }
    const target = {
      kind: 'Dockerfile',
      name: input.path,
      namespace: '',
      annotations: {},
    };
    const { checks, entryTally } = runEntryChecks({
      planned: dockerfileChecks,
      subject: {
        path: input.path,
        dockerfile: parseDockerfile(input.content),
        hasDockerignore: input.hasDockerignore === true,
      },
      kind: 'Dockerfile',
      live: false,
      exemptionFor: exemptionsOf(exemptions, target),
    });
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
    warnings: index.warnings,
  };
}

function appliesTo(check: AvailabilityCheck, kind: string): boolean {
  return (check.appliesTo as readonly string[]).includes(kind);
}

function isServiceCheck(check: AvailabilityCheck): check is ServiceCheck {
  return appliesTo(check, 'Service');
}

function isAutoscalerCheck(check: AvailabilityCheck): check is AutoscalerCheck {
  return (
    appliesTo(check, 'HorizontalPodAutoscaler') ||
    appliesTo(check, 'ScaledObject')
  );
}

function isDockerfileCheck(check: AvailabilityCheck): check is DockerfileCheck {
  return appliesTo(check, 'Dockerfile');
}

function isWorkloadCheck(check: AvailabilityCheck): check is WorkloadCheck {
  return (
    !isServiceCheck(check) &&
    !isAutoscalerCheck(check) &&
    !isDockerfileCheck(check)
  );
}

function serviceSubject(
  service: ServiceTarget,
  index: ObjectIndex,
): ServiceSubject {
  const { workloads, selectedPods } = index.serviceRelationsOf(service);
  const namespace = index.namespaceOf(service);
  return {
    service,
    selectedWorkloads: workloads,
    namespaceWorkloads: namespace.workloads,
    customResources: namespace.customResources,
    selectedPods,
  };
}

function workloadSubject(
  workload: Workload,
  index: ObjectIndex,
  thresholds: Thresholds,
): WorkloadSubject {
  const { autoscaler, pdbs, networkPolicies, pods, services } =
    index.relationsOf(workload);
  const scaled: Autoscaler | undefined = REPLICATED_KINDS.includes(
    workload.kind,
  )
    ? autoscaler
    : undefined;
  return {
    workload,
    live: workload.cluster !== undefined,
    thresholds,
    autoscaler: scaled,
    pdbs,
    networkPolicies,
    pods,
    services,
    namespaceServices: index.namespaceOf(workload).services,
    replicas: effectiveReplicas(workload, scaled),
    servicesNamed: name => index.servicesNamed(workload, name),
    claimNamed: name => index.claimNamed(workload, name),
    nodeNamed: name => index.nodeNamed(workload.cluster, name),
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

function isDockerfileInput(value: unknown): value is DockerfileInput {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    typeof value.content === 'string'
  );
}
