import {
  labelSelectorMatches,
  type CheckResult,
  type DockerfileInput,
  type EvaluationObject,
  type WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import {
  isMap,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
} from 'yaml';

/** A place in an input file: its path as the report shows it, and a 1-based line. */
export interface ResultLocation {
  path: string;
  line: number;
}

/** What the CLI read, to locate results on the object and line to change. */
export interface LocationSources {
  objects: EvaluationObject[];
  dockerfiles: DockerfileInput[];
  /** The text of each manifest input, by the path the report shows. */
  texts: ReadonlyMap<string, string>;
}

type Path = Array<string | number>;
type Json = Record<string, any>;

const AUTOSCALER_MIN = {
  kinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
  fields: ['minReplicas', 'minReplicaCount'],
};

/**
 * Checks reported on a workload whose fix is on another object, when the
 * set has one: an autoscaler's minimum is the workload's replica count.
 */
const FIX_ELSEWHERE: Record<
  string,
  { kinds: string[]; fields: string[] } | undefined
> = {
  'replicas-min': AUTOSCALER_MIN,
  'replicas-recommended': AUTOSCALER_MIN,
  'hpa-min-replicas': AUTOSCALER_MIN,
  'hpa-range': {
    kinds: ['HorizontalPodAutoscaler', 'ScaledObject'],
    fields: ['maxReplicas', 'maxReplicaCount'],
  },
  'pdb-allows-eviction': {
    kinds: ['PodDisruptionBudget'],
    fields: ['minAvailable', 'maxUnavailable'],
  },
  'pdb-keeps-minimum': {
    kinds: ['PodDisruptionBudget'],
    fields: ['minAvailable', 'maxUnavailable'],
  },
};

/** The field of a container that each container check is about. */
const CONTAINER_FIELDS: Record<string, string | undefined> = {
  'probe-readiness': 'readinessProbe',
  'probe-liveness': 'livenessProbe',
  'probe-distinct': 'livenessProbe',
  'resources-requests': 'resources',
  'resources-limits': 'resources',
  'hpa-requests': 'resources',
  'image-tag-pinned': 'image',
  'security-non-root': 'securityContext',
  'security-no-escalation': 'securityContext',
  'security-read-only-fs': 'securityContext',
  'secrets-by-reference': 'env',
  'graceful-shutdown': 'lifecycle',
};

/** Fields of the workload's spec that a check is about. */
const SPEC_FIELDS: Record<string, string[] | undefined> = {
  'replicas-min': ['replicas'],
  'replicas-recommended': ['replicas'],
  'rollout-strategy': ['strategy', 'updateStrategy'],
  'rollout-zero-unavailable': ['strategy'],
  'statefulset-headless-service': ['serviceName'],
  'service-selects-pods': ['selector'],
  'hpa-target-exists': ['scaleTargetRef'],
};

/** Fields of the pod spec that a check is about. */
const POD_SPEC_FIELDS: Record<string, string[] | undefined> = {
  'spread-nodes': ['topologySpreadConstraints', 'affinity'],
  'spread-zones': ['topologySpreadConstraints', 'affinity'],
  'priority-class': ['priorityClassName'],
  'storage-shared-rwo': ['volumes'],
};

const namespaceOf = (object: Json) => object.metadata?.namespace ?? 'default';

/**
 * Finds where a failing result should point: the object to change (the
 * HPA for the HPA rows, the PDB for the PDB rows, else the entry's own
 * object) and, where the field exists, its line (`replicas:`, the probe,
 * the image); else the line where that object starts. Dockerfile results
 * point at the instruction the message names, or the final stage.
 */
export class ResultLocator {
  readonly #sources: LocationSources;
  readonly #parsed = new Map<
    string,
    { docs: Document.Parsed[]; lines: LineCounter } | undefined
  >();

  constructor(sources: LocationSources) {
    this.#sources = sources;
  }

  locate(
    workload: WorkloadReport,
    check: CheckResult,
  ): ResultLocation | undefined {
    if (workload.kind === 'Dockerfile') {
      return this.#dockerfile(workload, check);
    }
    const own = this.#sources.objects.find(
      o =>
        o.object.kind === workload.kind &&
        o.object.metadata?.name === workload.name &&
        namespaceOf(o.object) === workload.namespace &&
        o.source?.path === workload.source?.path &&
        o.source?.line === workload.source?.line,
    );
    if (!own?.source) {
      return workload.source?.line
        ? { path: workload.source.path, line: workload.source.line }
        : undefined;
    }
    const elsewhere = FIX_ELSEWHERE[check.id];
    if (elsewhere) {
      const other = this.#relatedObject(own.object as Json, elsewhere.kinds);
      if (other?.source?.line) {
        return this.#field(other, [
          [
            'spec',
            ...firstPresent((other.object as Json).spec, elsewhere.fields),
          ],
        ]);
      }
    }
    return this.#field(own, fieldPaths(own.object as Json, check));
  }

  /** The HPA, ScaledObject or PDB of the set that applies to the workload. */
  #relatedObject(workload: Json, kinds: string[]) {
    const namespace = namespaceOf(workload);
    const labels = workload.spec?.template?.metadata?.labels ?? {};
    return this.#sources.objects.find(({ object }) => {
      const o = object as Json;
      if (!kinds.includes(o.kind) || namespaceOf(o) !== namespace) {
        return false;
      }
      if (o.kind === 'PodDisruptionBudget') {
        return Boolean(o.spec?.selector) && safeMatch(o.spec.selector, labels);
      }
      const target = o.spec?.scaleTargetRef ?? {};
      return (
        target.name === workload.metadata?.name &&
        (target.kind ?? 'Deployment') === workload.kind
      );
    });
  }

  /** The line of the first of `paths` found in the object's document. */
  #field(object: EvaluationObject, paths: Path[]): ResultLocation {
    const source = object.source!;
    const start = source.line ?? 1;
    const root = this.#objectNode(source.path, start);
    for (const path of paths) {
      const line = root && lineOf(root.node, path, root.lines);
      if (line) {
        return { path: source.path, line };
      }
    }
    return { path: source.path, line: start };
  }

  /** The YAML node of the object that starts at `line` of the file. */
  #objectNode(path: string, line: number) {
    const parsed = this.#parse(path);
    if (!parsed) {
      return undefined;
    }
    const { docs, lines } = parsed;
    for (const doc of docs) {
      const contents = doc.contents as any;
      if (!contents?.range) continue;
      if (lines.linePos(contents.range[0]).line === line) {
        return { node: contents, lines };
      }
      // An item of a List starts at its own line.
      const items = isMap(contents) ? contents.get('items', true) : undefined;
      if (isSeq(items)) {
        const item = items.items.find(
          (i: any) => i?.range && lines.linePos(i.range[0]).line === line,
        );
        if (item) return { node: item, lines };
      }
    }
    return undefined;
  }

  #parse(path: string) {
    if (!this.#parsed.has(path)) {
      const text = this.#sources.texts.get(path);
      let parsed;
      if (text !== undefined) {
        const lines = new LineCounter();
        try {
          const docs = parseAllDocuments(text, { lineCounter: lines });
          parsed = Array.isArray(docs)
            ? { docs: docs as Document.Parsed[], lines }
            : undefined;
        } catch {
          parsed = undefined;
        }
      }
      this.#parsed.set(path, parsed);
    }
    return this.#parsed.get(path);
  }

  #dockerfile(workload: WorkloadReport, check: CheckResult): ResultLocation {
    const path = workload.source?.path ?? workload.name;
    // The checks name the instruction's line where there is one.
    const named = /\bline (\d+)\b/.exec(check.message);
    if (named) {
      return { path, line: Number(named[1]) };
    }
    const content =
      this.#sources.dockerfiles.find(d => d.path === workload.name)?.content ??
      '';
    const fromLines = content
      .split(/\r?\n/)
      .flatMap((text, i) => (/^\s*FROM\s/i.test(text) ? [i + 1] : []));
    const finalStage = fromLines[fromLines.length - 1] ?? 1;
    return {
      path,
      line: check.id === 'dockerfile-dockerignore' ? 1 : finalStage,
    };
  }
}

function safeMatch(selector: unknown, labels: Record<string, string>) {
  try {
    return labelSelectorMatches(selector as any, labels);
  } catch {
    return false;
  }
}

function firstPresent(spec: Json | undefined, fields: string[]): string[] {
  const present = fields.find(f => spec?.[f] !== undefined);
  return present ? [present] : [];
}

/** Where in the object a check's fix goes, most precise first. */
function fieldPaths(object: Json, check: CheckResult): Path[] {
  const podSpec: Path =
    object.kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
  const containerField = CONTAINER_FIELDS[check.id];
  if (containerField) {
    const container = namedContainer(object, podSpec, check.message);
    if (container) {
      const at = [...container, containerField];
      if (containerField === 'env') {
        const entry = namedEnv(object, container, check.message);
        return entry === undefined
          ? [at, container]
          : [[...at, entry, 'value'], at, container];
      }
      return [at, container];
    }
    return [podSpec];
  }
  const specFields = SPEC_FIELDS[check.id];
  if (specFields) {
    return [...specFields.map(f => ['spec', f]), ['spec']];
  }
  const podFields = POD_SPEC_FIELDS[check.id];
  if (podFields) {
    return [...podFields.map(f => [...podSpec, f]), podSpec];
  }
  return [];
}

/** The first container (init containers too) the message names in quotes. */
function namedContainer(
  object: Json,
  podSpec: Path,
  message: string,
): Path | undefined {
  let spec: any = object;
  for (const key of podSpec) spec = spec?.[key];
  for (const list of ['containers', 'initContainers']) {
    const containers = Array.isArray(spec?.[list]) ? spec[list] : [];
    const index = containers.findIndex(
      (c: any) =>
        typeof c?.name === 'string' && message.includes(`"${c.name}"`),
    );
    if (index >= 0) return [...podSpec, list, index];
  }
  return undefined;
}

function namedEnv(
  object: Json,
  container: Path,
  message: string,
): number | undefined {
  let env: any = object;
  for (const key of [...container, 'env']) env = env?.[key];
  if (!Array.isArray(env)) return undefined;
  const index = env.findIndex(
    (e: any) => typeof e?.name === 'string' && message.includes(e.name),
  );
  return index >= 0 ? index : undefined;
}

/** The line of the key (or item) at `path` under `node`, if it exists. */
function lineOf(node: any, path: Path, lines: LineCounter): number | undefined {
  let current = node;
  let line: number | undefined;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!isSeq(current)) return undefined;
      current = current.items[key];
      if (!current?.range) return undefined;
      line = lines.linePos(current.range[0]).line;
    } else {
      if (!isMap(current)) return undefined;
      const pair = current.items.find((p: any) => p.key?.value === key);
      if (!pair) return undefined;
      line = lines.linePos((pair.key as any).range[0]).line;
      current = pair.value;
    }
  }
  return line;
}
