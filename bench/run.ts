/*
 * yarn bench [suite...] [--render]
 *
 * Runs bench/<suite>.bench.ts files one after another, each in its own Node
 * process (so one suite's heap and JIT state cannot colour the next), then
 * renders every bench/results/*.json into docs/benchmarks.md.
 * With --render it only renders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderBenchmarks } from './lib/render';

const BENCH_DIR = __dirname;
const SUFFIX = '.bench.ts';

function main(): number {
  const args = process.argv.slice(2);
  const renderOnly = args.includes('--render');
  const named = args.filter(arg => !arg.startsWith('--'));
  const available = fs
    .readdirSync(BENCH_DIR)
    .filter(file => file.endsWith(SUFFIX))
    .map(file => file.slice(0, -SUFFIX.length))
    .sort();
  const unknown = named.filter(name => !available.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(
        ', ',
      )}\n`,
    );
    return 2;
  }
  let failed = 0;
  if (!renderOnly) {
    for (const suite of named.length > 0 ? named : available) {
      process.stderr.write(`\n== ${suite} ==\n`);
      const result = spawnSync(
        process.execPath,
        [
          '-r',
          require.resolve('@backstage/cli/config/nodeTransform.cjs'),
          path.join(BENCH_DIR, `${suite}${SUFFIX}`),
        ],
        { stdio: 'inherit' },
      );
      if (result.status !== 0) {
        process.stderr.write(`suite ${suite} failed (exit ${result.status})\n`);
        failed += 1;
      }
    }
  }
  const doc = renderBenchmarks();
  process.stderr.write(`\nrendered ${path.relative(process.cwd(), doc)}\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
