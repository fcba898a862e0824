/*
 * The CLI end to end on 1,000 manifest files: `availability check --format
 * json` against a `node -e` that only reads and parses the same files with
 * the yaml package.
 * Run alone: node -r @backstage/cli/config/nodeTransform.cjs bench/cli.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { generateCorpus } from './lib/corpus';
import { median, ratioRow, round, writeResults } from './lib/results';
import type { BenchRow } from './lib/results';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'packages/availability-cli/bin/availability');
const FILES = 1_000;

const BASELINE = `
const fs = require('fs'), path = require('path');
const { parseAllDocuments } = require('yaml');
const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e =>
  e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
let n = 0;
for (const f of walk(process.argv[1])) {
  for (const doc of parseAllDocuments(fs.readFileSync(f, 'utf8'))) { doc.toJS(); n++; }
}
process.stdout.write(JSON.stringify({ documents: n }));
`;

function writeCorpus(dir: string): number {
  const groups = generateCorpus({ workloads: FILES, namespaces: 50, seed: 7 });
  let bytes = 0;
  groups.forEach((group, index) => {
    const sub = path.join(dir, group.namespace);
    fs.mkdirSync(sub, { recursive: true });
    const text = group.objects.map(object => stringify(object)).join('---\n');
    bytes += text.length;
    fs.writeFileSync(path.join(sub, `workload-${index}.yaml`), text);
  });
  return bytes;
}

function hasHyperfine(): boolean {
  return spawnSync('hyperfine', ['--version']).status === 0;
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Median wall time in ms of each command, hyperfine when present. */
function measure(
  commands: string[][],
  runs: number,
): { times: number[]; tool: string } {
  if (hasHyperfine()) {
    const out = path.join(
      os.tmpdir(),
      `availability-cli-bench-${process.pid}.json`,
    );
    const result = spawnSync(
      'hyperfine',
      [
        '--warmup',
        '2',
        '--runs',
        String(runs),
        '--export-json',
        out,
        ...commands.map(c => c.map(quote).join(' ')),
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (result.status !== 0) {
      throw new Error('hyperfine failed');
    }
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      results: Array<{ median: number }>;
    };
    fs.rmSync(out);
    return { times: json.results.map(r => r.median * 1000), tool: 'hyperfine' };
  }
  const samples = commands.map(() => [] as number[]);
  // Interleaved, so drift in machine load hits every command alike.
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach(([cmd, ...args], index) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(cmd, args, {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 28,
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) {
        throw new Error(
          `${cmd} ${args.join(' ')} exited ${result.status}: ${result.stderr}`,
        );
      }
      if (i >= 2) {
        samples[index].push(ms);
      }
    });
  }
  return {
    times: samples.map(median),
    tool: 'timed spawns (hyperfine not installed)',
  };
}

function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-cli-bench-'));
  try {
    const bytes = writeCorpus(dir);
    const runs = 10;
    const cli = [process.execPath, BIN, 'check', '--format', 'json', dir];
    const baseline = [process.execPath, '-e', BASELINE, dir];
    const bare = [process.execPath, '-e', '0'];
    const { times, tool } = measure([cli, baseline, bare], runs);
    const [cliMs, baselineMs, bareMs] = times;
    const rows: BenchRow[] = [
      ratioRow({
        case: `${FILES.toLocaleString('en-US')} files (${round(
          bytes / 1e6,
          1,
        )} MB YAML), from source`,
        metric: 'availability check --format json vs node -e yaml parse',
        value: cliMs,
        unit: 'ms',
        baseline: { name: 'node -e + yaml', value: baselineMs },
        maxRatio: 1.5,
      }),
      {
        case: 'empty',
        metric: 'node -e 0 (process start)',
        value: round(bareMs),
        unit: 'ms',
      },
    ];
    writeResults({
      suite: 'cli',
      title: 'CLI end to end',
      rows,
      notes: [
        `Measured with ${tool}: median of ${runs} runs after 2 warm-ups; stdout discarded.`,
        'The CLI runs as `yarn availability` does in a fresh clone: bin/availability with the TypeScript sources through the @backstage/cli node transform (no dist).',
        'Corpus: the engine corpus generator (seed 7), one workload with its Service/HPA/PDB/NetworkPolicy per file, 50 namespace directories.',
      ],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
