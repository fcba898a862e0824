#!/usr/bin/env node
/*
 * Sums the results of every test runner into the one line CI reads:
 * "N passed, N failed, N skipped". A runner whose results file is missing
 * counts as a failure, and so does a run in which no test passed, so that
 * "no test ran" can never look green.
 */
const fs = require('node:fs');

const readers = {
  jest: r =>
    'numPassedTests' in r && {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: r.numPendingTests + (r.numTodoTests ?? 0),
    },
  playwright: r =>
    'stats' in r && {
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected + (r.errors?.length ?? 0),
      skipped: r.stats.skipped,
    },
};

const total = { passed: 0, failed: 0, skipped: 0 };
let missing = 0;
for (const file of process.argv.slice(2)) {
  let runner;
  let counts;
  try {
    const results = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [name, read] of Object.entries(readers)) {
      counts = read(results);
      runner = name;
      if (counts) break;
    }
    if (!counts) throw new Error('not a jest or playwright JSON report');
  } catch (error) {
    console.error(`No test results in ${file}: ${error.message}`);
    missing += 1;
    continue;
  }
  console.error(
    `${runner}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  for (const key of Object.keys(total)) total[key] += counts[key];
}

const failed = total.failed + missing;
console.log(
  `${total.passed} passed, ${failed} failed` +
    (total.skipped ? `, ${total.skipped} skipped` : ''),
);
process.exit(failed > 0 || total.passed === 0 ? 1 : 0);
