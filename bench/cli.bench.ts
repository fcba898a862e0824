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
const BIN = path.join(
  path.dirname(
    require.resolve('@availability-backstage/availability-cli/package.json'),
  ),
  'bin/availability',
);
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

const TIME = '/usr/bin/time';

interface Measured {
  /** Median elapsed ms per command. */
  wall: number[];
  /** Median user + system CPU ms per command, when the tool reports it. */
  cpu?: number[];
  tool: string;
}

/** Median times of each command: hyperfine when present, else timed spawns. */
function measure(commands: string[][], runs: number): Measured {
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
      results: Array<{ median: number; user: number; system: number }>;
    };
    fs.rmSync(out);
    return {
      wall: json.results.map(r => r.median * 1000),
      // hyperfine reports mean CPU times only
      cpu: json.results.map(r => (r.user + r.system) * 1000),
      tool: 'hyperfine (CPU: mean)',
    };
  }
  // GNU time gives each child's CPU time, which Node cannot read itself.
  const withTime = fs.existsSync(TIME);
  const cpuFile = path.join(
    os.tmpdir(),
    `availability-cli-bench-${process.pid}.time`,
  );
  const wall = commands.map(() => [] as number[]);
  const cpu = commands.map(() => [] as number[]);
  // Interleaved, so drift in machine load hits every command alike.
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach((command, index) => {
      const [cmd, ...args] = withTime
        ? [TIME, '-f', '%U %S', '-o', cpuFile, ...command]
        : command;
      const start = process.hrtime.bigint();
      const result = spawnSync(cmd, args, {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 28,
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) {
        throw new Error(
          `${command.join(' ')} exited ${result.status}: ${result.stderr}`,
        );
      }
      if (i >= 2) {
        wall[index].push(ms);
        if (withTime) {
          const [user, system] = fs
            .readFileSync(cpuFile, 'utf8')
            .trim()
            .split(/\s+/)
            .slice(-2)
            .map(Number);
          cpu[index].push((user + system) * 1000);
        }
      }
    });
  }
  if (withTime) {
    fs.rmSync(cpuFile, { force: true });
  }
  return {
    wall: wall.map(median),
    ...(withTime ? { cpu: cpu.map(median) } : {}),
    tool: `timed spawns${
      withTime ? ' under GNU time' : ''
    } (hyperfine not installed)`,
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
    const help = [process.execPath, BIN, 'check', '--help'];
    const measured = measure([cli, baseline, bare, help], runs);
    const caseName = `${FILES.toLocaleString('en-US')} files (${round(
      bytes / 1e6,
      1,
    )} MB YAML), from source`;
    const rows: BenchRow[] = [];
    const clocks: Array<['CPU time' | 'elapsed', number[] | undefined]> = [
      ['CPU time', measured.cpu],
      ['elapsed', measured.wall],
    ];
    for (const [clock, times] of clocks) {
      if (!times) {
        continue;
      }
      const [cliMs, baselineMs, bareMs, helpMs] = times;
      rows.push(
        ratioRow({
          case: caseName,
          metric: `availability check --format json vs node -e yaml parse (${clock})`,
          value: cliMs,
          unit: 'ms',
          baseline: { name: 'node -e + yaml', value: baselineMs },
          maxRatio: 1.5,
        }),
        {
          case: 'no input',
          metric: `availability check --help, start-up from source (${clock})`,
          value: round(helpMs),
          unit: 'ms',
        },
        {
          case: 'no input',
          metric: `node -e 0, process start (${clock})`,
          value: round(bareMs),
          unit: 'ms',
        },
      );
    }
    writeResults({
      suite: 'cli',
      title: 'CLI end to end',
      rows,
      notes: [
        `Measured with ${measured.tool}: median of ${runs} runs after 2 warm-ups, the commands interleaved; stdout discarded. CPU time (user + system of the process) is the steadier figure on this shared machine; elapsed time is what a CI job waits.`,
        'The CLI runs as `yarn availability` does in a fresh clone: bin/availability with the TypeScript sources through the @backstage/cli node transform (no dist).',
        'Corpus: the engine corpus generator (seed 7), one workload with its Service/HPA/PDB/NetworkPolicy per file, 50 namespace directories.',
        'Where the CLI time goes beyond the baseline (CPU profile): compiling the TypeScript sources at start-up (~90 ms loading the transform, ~115 ms compiling and loading the common package, a third of which is @backstage/plugin-permission-common and its fetch/zod dependencies that the CLI does not use), evaluate() running cold (~100-250 ms for 1,000 workloads), and serialising the ~8 MB report. Reading and parsing the YAML costs the same as the baseline.',
      ],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
