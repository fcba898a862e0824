import type { KubernetesObject } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { getCheck } from '../../checks';
import { evaluate, resolveConfig, scoreChecks } from '../../engine';
import type {
  AvailabilityReport,
  EvaluateOptions,
  EvaluationObject,
  Level,
  Severity,
  WorkloadReport,
} from '../../types';
import { FixChange, FIXES } from './fixes';
import { strategicMerge } from './strategicMerge';

/**
 * A fix to simulate: one check on one workload, in every cluster where it fails.
 *
 * @public
 */
export interface SimulatedFix {
  checkId: string;
  kind: string;
  namespace: string;
  name: string;
}

/** @public */
export interface AvailableFix extends SimulatedFix {
  title: string;
  severity: Severity;
  clusters: string[];
}

/**
 * The changes to one workload (and the objects that go with it, such as its
 * PDB or HPA) in the clusters where they are the same.
 *
 * @public
 */
export interface WorkloadPatch {
  kind: string;
  namespace: string;
  name: string;
  clusters: string[];
  checks: string[];
  changes: FixChange[];
  /** The changes as `kubectl patch` / `kubectl apply` YAML documents. */
  yaml: string;
  notes: string[];
}

/** @public */
export interface SimulationResult {
  before: { score: number | null; level: Level | null };
  after: { score: number | null; level: Level | null };
  /** The re-scored report, runtime checks as observed now. */
  report: AvailabilityReport;
  patches: WorkloadPatch[];
  skipped: Array<SimulatedFix & { reason: string }>;
}

type Json = Record<string, any>;

/** What the fixes change for one workload in one cluster. */
interface PatchGroup {
  checks: string[];
  /** The merged change of each object touched, by object key. */
  byObject: Map<string, FixChange>;
  notes: string[];
}

const keyOf = (cluster: string | undefined, o: Json) =>
  [
    cluster ?? '',
    o.kind,
    o.metadata?.namespace ?? 'default',
    o.metadata?.name,
  ].join('\u0000');

const sameWorkload = (entry: WorkloadReport, fix: SimulatedFix) =>
  entry.kind === fix.kind &&
  entry.namespace === fix.namespace &&
  entry.name === fix.name;

/**
 * The failing checks of a report that the simulator can fix, one per
 * workload and check whatever the number of clusters it fails in.
 *
 * @public
 */
export function availableFixes(report: AvailabilityReport): AvailableFix[] {
  const fixes = new Map<string, AvailableFix>();
  for (const entry of report.workloads) {
    for (const check of entry.checks) {
      const fix = FIXES[check.id];
      if (check.status !== 'fail' || !fix) {
        continue;
      }
      const key = keyOf(undefined, {
        kind: entry.kind,
        metadata: {
          namespace: entry.namespace,
          name: `${entry.name}/${check.id}`,
        },
      });
      const known = fixes.get(key);
      if (known) {
        if (entry.cluster) known.clusters.push(entry.cluster);
        continue;
      }
      fixes.set(key, {
        checkId: check.id,
        kind: entry.kind,
        namespace: entry.namespace,
        name: entry.name,
        title: fix.title,
        severity: check.severity,
        clusters: entry.cluster ? [entry.cluster] : [],
      });
    }
  }
  return [...fixes.values()];
}

/**
 * Applies the chosen fixes to an entity's objects and re-scores them with
 * the engine, before anything changes on a cluster. Runtime checks keep
 * their observed results (what pods will do after a rollout cannot be
 * known in advance); the fixes come back as one merged patch per workload.
 *
 * @public
 */
export function simulateFixes(options: {
  objects: readonly EvaluationObject[];
  fixes: readonly SimulatedFix[];
  evaluateOptions?: EvaluateOptions;
  /**
   * The report as stored, when the objects are a redacted copy of those it
   * was evaluated from: it is the baseline, and the checks the copy cannot
   * re-judge keep its results.
   */
  observed?: AvailabilityReport;
}): SimulationResult {
  const evaluateOptions = options.evaluateOptions ?? {};
  const minReplicas = resolveConfig(evaluateOptions.config).thresholds
    .minReplicas;
  const before = options.observed ?? evaluate(options.objects, evaluateOptions);
  const working = new Map<string, EvaluationObject>();
  for (const item of options.objects) {
    working.set(keyOf(item.cluster, item.object as Json), item);
  }
  // Per workload and cluster: the merged change of every object it touches.
  const changes = new Map<string, PatchGroup>();
  const skipped: SimulationResult['skipped'] = [];

  for (const fix of options.fixes) {
    const fixer = FIXES[fix.checkId];
    const failing = before.workloads.filter(
      entry =>
        sameWorkload(entry, fix) &&
        entry.checks.some(c => c.id === fix.checkId && c.status === 'fail'),
    );
    if (!fixer || failing.length === 0) {
      skipped.push({
        ...fix,
        reason: fixer
          ? 'the check does not fail on this workload'
          : 'no automatic fix for this check; see its remediation',
      });
      continue;
    }
    for (const entry of failing) {
      const item = working.get(
        keyOf(entry.cluster, {
          kind: entry.kind,
          metadata: { namespace: entry.namespace, name: entry.name },
        }),
      );
      if (!item) {
        continue;
      }
      const outcome = fixer.apply({
        workload: item.object as Json,
        objects: [...working.values()].filter(o => o.cluster === entry.cluster),
        minReplicas,
      });
      if ('unavailable' in outcome) {
        skipped.push({ ...fix, reason: outcome.unavailable });
        continue;
      }
      const group = keyOf(entry.cluster, item.object as Json);
      const record: PatchGroup = changes.get(group) ?? {
        checks: [],
        byObject: new Map(),
        notes: [],
      };
      changes.set(group, record);
      record.checks.push(fix.checkId);
      record.notes.push(...(outcome.notes ?? []));
      for (const change of outcome.changes) {
        const target = keyOf(entry.cluster, change.object as Json);
        const current = working.get(target)?.object;
        const applied =
          change.action === 'create'
            ? change.object
            : (strategicMerge(
                current ?? change.object,
                change.patch,
              ) as KubernetesObject);
        working.set(target, { object: applied, cluster: entry.cluster });
        const known = record.byObject.get(target);
        record.byObject.set(
          target,
          known?.action === 'create' || change.action === 'create'
            ? { action: 'create', object: applied }
            : {
                action: 'patch',
                object: change.object,
                patch: mergePatches(
                  known?.action === 'patch' ? known.patch : {},
                  change.patch,
                ),
              },
        );
      }
    }
  }

  const after = withObserved(
    evaluate([...working.values()], evaluateOptions),
    before,
  );
  return {
    before: { score: before.score, level: before.level },
    after: { score: after.score, level: after.level },
    report: after,
    patches: groupPatches(changes, working),
    skipped,
  };
}

/** Merges two patches, keeping the `null`s that remove fields. */
function mergePatches(a: Json, b: Json): Json {
  const result: Json = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const known = result[key];
    const bothObjects = isObject(value) && isObject(known);
    if (Array.isArray(value) && Array.isArray(known)) {
      result[key] = (
        strategicMerge({ [key]: known }, { [key]: value }) as Json
      )[key];
    } else if (bothObjects) {
      result[key] = mergePatches(known, value);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks whose observed result stands: runtime checks (what pods do after a
 * rollout cannot be known in advance) and `secrets-by-reference`, which
 * reads env values that no fix touches and stored objects carry redacted.
 */
function keepsObserved(checkId: string): boolean {
  return (
    checkId === 'secrets-by-reference' ||
    getCheck(checkId)?.category === 'runtime'
  );
}

/** Observed results stand where {@link keepsObserved}; scores are re-tallied. */
function withObserved(
  after: AvailabilityReport,
  before: AvailabilityReport,
): AvailabilityReport {
  const observed = new Map(
    before.workloads.map(entry => [
      keyOf(entry.cluster, { kind: entry.kind, metadata: entry }),
      entry,
    ]),
  );
  const workloads = after.workloads.map(entry => {
    const was = observed.get(
      keyOf(entry.cluster, { kind: entry.kind, metadata: entry }),
    );
    if (!was || entry.cluster === undefined) {
      return entry;
    }
    const checks = entry.checks.map(check =>
      keepsObserved(check.id)
        ? was.checks.find(c => c.id === check.id) ?? check
        : check,
    );
    return { ...entry, checks, ...scoreChecks(checks) };
  });
  return {
    ...after,
    workloads,
    ...scoreChecks(workloads.flatMap(entry => entry.checks)),
  };
}

function groupPatches(
  changes: Map<string, PatchGroup>,
  working: Map<string, EvaluationObject>,
): WorkloadPatch[] {
  const patches = new Map<string, WorkloadPatch>();
  for (const [group, record] of changes) {
    const workload = working.get(group)!;
    const object = workload.object as Json;
    const list = [...record.byObject.values()];
    const yaml = list.map(change => changeYaml(change)).join('---\n');
    const key = `${object.kind}/${object.metadata?.namespace}/${object.metadata?.name}\u0000${yaml}`;
    const known = patches.get(key);
    if (known) {
      if (workload.cluster) known.clusters.push(workload.cluster);
      continue;
    }
    patches.set(key, {
      kind: object.kind,
      namespace: object.metadata?.namespace ?? 'default',
      name: object.metadata?.name,
      clusters: workload.cluster ? [workload.cluster] : [],
      checks: [...new Set(record.checks)],
      changes: list,
      yaml,
      notes: [...new Set(record.notes)],
    });
  }
  return [...patches.values()];
}

function changeYaml(change: FixChange): string {
  const object = change.object as Json;
  const namespace = object.metadata?.namespace ?? 'default';
  if (change.action === 'create') {
    return `# kubectl apply -f <this document>\n${stringify(change.object)}`;
  }
  return `# kubectl patch ${String(object.kind).toLowerCase()} ${
    object.metadata?.name
  } -n ${namespace} --type strategic --patch-file <this document>\n${stringify(
    change.patch,
  )}`;
}
