#!/usr/bin/env node
/*
 * `yarn start`: runs the demo Kubernetes clusters (packages/demo-cluster,
 * ports 7441-7443) beside the portal (`backstage-cli repo start`), forwards
 * signals, and stops the clusters when the portal exits.
 *
 * DEMO_CLUSTER=off skips the clusters (e.g. when pointing at real ones).
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const prefix = '[demo-cluster]';

function startClusters() {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [root],
      }),
      path.join(root, 'packages/demo-cluster/src/cli.ts'),
      '--exit-with-stdin',
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const relay = (stream, out) => {
    let buffered = '';
    stream.on('data', chunk => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        out.write(`${prefix} ${line.replace(/^demo-cluster: /, '')}\n`);
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(
        `${prefix} exited (${
          signal ?? `code ${code}`
        }); the portal keeps running without demo clusters\n`,
      );
    }
  });
  return child;
}

let stopping = false;
const clusters =
  process.env.DEMO_CLUSTER === 'off' ? undefined : startClusters();

const portal = spawn(
  process.execPath,
  [
    require.resolve('@backstage/cli/bin/backstage-cli', { paths: [root] }),
    'repo',
    'start',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);

function stopClusters() {
  stopping = true;
  if (clusters && clusters.exitCode === null && clusters.signalCode === null) {
    clusters.kill('SIGTERM');
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    portal.kill(signal);
    clusters?.kill(signal);
  });
}

portal.on('exit', (code, signal) => {
  stopClusters();
  process.exitCode = code ?? (signal ? 1 : 0);
});
portal.on('error', error => {
  process.stderr.write(`Could not start the portal: ${error.message}\n`);
  stopClusters();
  process.exitCode = 1;
});
