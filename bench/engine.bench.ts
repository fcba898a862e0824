/*
 * The rules engine on a synthetic corpus: against JSON.parse of the same
 * input, against Backstage's own detectErrors, and at three sizes.
 * Run alone: node -r @backstage/cli/config/nodeTransform.cjs bench/engine.bench.ts
 */
import os from 'node:os';
import { evaluate } from '@availability-backstage/plugin-availability-common';
import type {
  AvailabilityReport,
  EvaluationObject,
} from '@availability-backstage/plugin-availability-common';
import { detectErrors } from '@backstage/plugin-kubernetes-common';
import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { generateCorpus } from './lib/corpus';
import { ratioRow, round, timeMedian, writeResults } from './lib/results';
import type { BenchRow } from './lib/results';

const NAMESPACES = 500;
/** CPU time: the benchmark machine is shared, so elapsed time mostly measures the neighbours. */
const CLOCK = 'cpu' as const;

function corpusObjects(workloads: number): EvaluationObject[] {
  return generateCorpus({ workloads, namespaces: NAMESPACES }).flatMap(group =>
    group.objects.map(object => ({ object } as EvaluationObject)),
  );
}

/** The same objects as the kubernetes backend would hand to detectErrors. */
function asKubernetesResponse(
  objects: EvaluationObject[],
): ObjectsByEntityResponse {
  const byType = new Map<string, unknown[]>();
  const types: Record<string, string> = {
    Deployment: 'deployments',
    StatefulSet: 'statefulsets',
    DaemonSet: 'daemonsets',
    Pod: 'pods',
    Service: 'services',
    HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  };
  for (const { object } of objects) {
    const type = types[object.kind ?? ''] ?? 'customresources';
    byType.set(type, [...(byType.get(type) ?? []), object]);
  }
  return {
    items: [
      {
        cluster: { name: 'bench' },
        resources: [...byType].map(([type, resources]) => ({
          type,
          resources,
        })),
        podMetrics: [],
        errors: [],
      },
    ],
  } as unknown as ObjectsByEntityResponse;
}

/**
 * What building the report alone costs, with no check run: JSON.parse of
 * the report as JSON, and of the same report with equal results written
 * once (as the engine shares them), each against JSON.parse of the input.
 */
function reportMaterialisation(
  report: AvailabilityReport,
  inputParseMs: number,
): BenchRow[] {
  const whole = JSON.stringify(report);
  const indexOf = new Map<string, number>();
  const results: unknown[] = [];
  const entries = report.workloads.map(entry => ({
    ...entry,
    checks: entry.checks.map(result => {
      const key = JSON.stringify(result);
      let index = indexOf.get(key);
      if (index === undefined) {
        index = results.length;
        indexOf.set(key, index);
        results.push(result);
      }
      return index;
    }),
  }));
  const shared = JSON.stringify({ entries, results });
  const row = (metric: string, text: string) =>
    ratioRow({
      case: `10,000 workloads: the report alone (${round(
        text.length / 1e6,
        1,
      )} MB JSON)`,
      metric,
      value: timeMedian(() => JSON.parse(text), { runs: 7, clock: CLOCK }),
      unit: 'ms',
      baseline: { name: 'JSON.parse of the input', value: inputParseMs },
    });
  return [
    row('JSON.parse of the report', whole),
    row(
      `JSON.parse of the report, each distinct result once (${results.length.toLocaleString(
        'en-US',
      )})`,
      shared,
    ),
  ];
}

function main() {
  const rows: BenchRow[] = [];
  const now = new Date('2025-01-01T00:00:00Z');

  // 10k workloads: engine vs JSON.parse vs detectErrors.
  const objects = corpusObjects(10_000);
  const serialised = JSON.stringify(objects.map(o => o.object));
  const engineMs = timeMedian(() => evaluate(objects, { now }), {
    runs: 7,
    clock: CLOCK,
  });
  const parseMs = timeMedian(() => JSON.parse(serialised), {
    runs: 7,
    clock: CLOCK,
  });
  rows.push(
    ratioRow({
      case: `10,000 workloads (${objects.length.toLocaleString(
        'en-US',
      )} objects, ${round(serialised.length / 1e6, 1)} MB JSON)`,
      metric: 'evaluate() vs JSON.parse of the same input',
      value: engineMs,
      unit: 'ms',
      baseline: { name: 'JSON.parse', value: parseMs },
      maxRatio: 2.5,
    }),
  );
  rows.push(...reportMaterialisation(evaluate(objects, { now }), parseMs));
  const response = asKubernetesResponse(objects);
  const detectMs = timeMedian(() => detectErrors(response), {
    runs: 7,
    clock: CLOCK,
  });
  rows.push(
    ratioRow({
      case: '10,000 workloads',
      metric: 'evaluate() vs detectErrors (kubernetes-common)',
      value: engineMs,
      unit: 'ms',
      baseline: { name: 'detectErrors', value: detectMs },
    }),
  );

  // Scaling: time per workload at 1k, 10k and 50k.
  let perWorkloadAt1k = 0;
  for (const size of [1_000, 10_000, 50_000]) {
    const set = size === 10_000 ? objects : corpusObjects(size);
    const ms =
      size === 10_000
        ? engineMs
        : timeMedian(() => evaluate(set, { now }), {
            runs: size > 10_000 ? 3 : 21,
            warmup: size > 10_000 ? 1 : 5,
            clock: CLOCK,
          });
    const perWorkloadUs = (ms * 1000) / size;
    if (size === 1_000) {
      perWorkloadAt1k = perWorkloadUs;
      rows.push({
        case: `${size.toLocaleString('en-US')} workloads`,
        metric: 'evaluate() time per workload',
        value: round(perWorkloadUs),
        unit: 'µs',
      });
      rows.push({
        case: `${size.toLocaleString('en-US')} workloads`,
        metric: 'evaluate() total',
        value: round(ms),
        unit: 'ms',
      });
    } else {
      rows.push({
        ...ratioRow({
          case: `${size.toLocaleString('en-US')} workloads`,
          metric: 'evaluate() time per workload (linear: ratio to 1k)',
          value: perWorkloadUs,
          unit: 'µs',
          baseline: { name: 'per workload at 1k', value: perWorkloadAt1k },
          maxRatio: 1.5,
        }),
        goal: 'linear: ratio <= 1.5',
      });
      rows.push({
        case: `${size.toLocaleString('en-US')} workloads`,
        metric: 'evaluate() total',
        value: round(ms),
        unit: 'ms',
      });
    }
  }

  writeResults({
    suite: 'engine',
    title: 'Rules engine',
    rows,
    notes: [
      `Seeded synthetic corpus (bench/lib/corpus.ts, seed 42): workloads spread over ${NAMESPACES} namespaces, ~70% Deployments, 15% StatefulSets, 10% DaemonSets, 5% bare Pods, with Services, HPAs, PDBs and NetworkPolicies; each namespace follows the practices with its own probability (0.3 to 0.95).`,
      'Process CPU time (user + system, all threads, so parallel GC counts too), not elapsed time: the machine is shared by several busy processes. Median of 7 runs after 2 warm-ups (21 after 5 at 1k, 3 after 1 at 50k), in one process, without forced GCs between runs.',
      'The report-alone rows run no check: they time JSON.parse building the report evaluate() returned, whole and with each distinct result written once (the engine shares equal results), to show what materialising the report costs by itself against the 2.5x goal.',
      'detectErrors gets the same objects grouped as the kubernetes backend returns them; it checks far less (pods, deployments and HPAs only), so that row is context, not a goal.',
      'TypeScript is compiled once, when a module is required (swc through the @backstage/cli node transform); the timed code is plain JavaScript and no source maps are consulted (the runner does not pass --enable-source-maps, and no check throws on this corpus).',
      'Linearity: per-workload time still grows a little with size (1k to 50k; it hovered near the 1.5 limit while the report kept its texts as trees of pieces): the 50k report is five times larger, so every young-generation collection copies and scans more.',
      `Load average when this ran: ${os
        .loadavg()
        .map(load => load.toFixed(1))
        .join(', ')} on ${
        os.cpus().length
      } cores; the machine is shared, so figures move by 20-50% between runs.`,
      'What the time goes to: the report is about five times the input (10,000 workloads give some 363,000 results, about 92 MB as JSON against 16.5 MB parsed; the 84,000 failures carry YAML remediations, 24 MB of text, each naming its own object). Checks are plain functions of one workload; the engine shares equal results of a check (same status, message and remediation) between entries and freezes them, and keeps each message and remediation as one flat string: checks build them with template literals, which V8 keeps as trees of the pieces joined until something reads them (the 10k report held some 3.5 million such pieces, 132 MB, which every young-generation collection copied; it now holds 54 MB). In CPU profiles (10 runs in one process) about 27% of evaluate() is garbage collection, 14% the object index, 38% the ~35 checks per workload (7% of it writing snippet YAML) and 11% the engine sharing and flattening their results.',
      'Before the remediation text was made cheaper (commit 4a7cd94), this table read 1,197.96 ms vs JSON.parse 129.59 ms (9.24x), at a load average of 1.7 (1 min). The text was what cost: the snippet writer built arrays of lines for every level (some 440 MB of the 790 MB evaluate() allocated at 10k), and the report kept every message and remediation as a tree of its pieces. Snippets written into one string, each result text copied flat once, and service-selects-pods no longer sorting a copy of the namespace per failing Service brought allocation to 365 MB and the report from 132 MB to 54 MB. Both engines in separate processes, alternated on the 10k corpus (7 runs each, load average 1.9-2.6): 669-676 ms before, 395-425 ms after, JSON.parse 105-111 ms; the two reports are byte-identical JSON. What keeps the ratio above 2.5 is spread out: collecting what the report keeps, the object index, and the checks themselves, which build some 84,000 messages and remediations that each name their own object.',
      'Before checks became plain functions (the result-sharing protocol inside the check files, commit a2cbb9c), on the same machine and corpus: 10k workloads 422.31 ms vs JSON.parse 174.2 ms (2.42x); 34.38 µs per workload at 1k, 42.23 µs at 10k (1.23x), 59.41 µs at 50k (1.73x), at a load average of 3.6 (1 min) on 2 cores. Both engines interleaved in one process on the 10k corpus (9 runs each, load average 17-22): 421-526 ms before, 438-452 ms after, JSON.parse 170-216 ms; the two reports are byte-identical JSON.',
    ],
  });
}

main();
