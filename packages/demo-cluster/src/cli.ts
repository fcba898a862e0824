/* eslint-disable no-console */
import { parseArgs } from 'node:util';
import { startKubeApiEmulator } from './startKubeApiEmulator';
import { DEFAULT_EMULATOR_TOKEN } from './types';

/**
 * The port of the first demo cluster; app-config.yaml points the kubernetes
 * backend at 7441 (prod-eu), 7442 (prod-us) and 7443 (staging).
 */
const DEFAULT_PORT = 7441;
const DEMO_CLUSTERS = ['prod-eu', 'prod-us', 'staging'];

const USAGE = `Usage: demo-cluster [options]

Serves the demo clusters as Kubernetes API servers, one port per cluster.

Options:
  --port <n>          port of the first cluster (default ${DEFAULT_PORT}; 0 = random)
  --host <address>    interface to listen on (default 127.0.0.1)
  --token <token>     bearer token to accept (default ${DEFAULT_EMULATOR_TOKEN})
  --clusters-dir <d>  fixture folder with one sub-folder per cluster
  --cluster <name>    serve only this cluster (repeatable)
  --exit-with-stdin   stop when stdin closes (when the parent process dies)
  -h, --help          show this help
`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'clusters-dir': { type: 'string' },
      cluster: { type: 'string', multiple: true },
      'exit-with-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(
    values.port ?? process.env.DEMO_CLUSTER_PORT ?? DEFAULT_PORT,
  );
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port: ${values.port}`);
  }
  const clustersDir = values['clusters-dir'];
  const emulator = await startKubeApiEmulator({
    port,
    host: values.host,
    token: values.token ?? process.env.DEMO_CLUSTER_TOKEN,
    clustersDir,
    // The fixed port layout is for the demo clusters; other folders serve all.
    clusters: values.cluster ?? (clustersDir ? undefined : DEMO_CLUSTERS),
  });
  for (const cluster of emulator.clusters) {
    console.log(`demo-cluster: ${cluster.name} at ${cluster.url}`);
  }
  console.log(
    `demo-cluster: faults via POST ${emulator.clusters[0]?.url}/_emulator/clusters/<name>/fault`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`demo-cluster: ${signal}, stopping`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (values['exit-with-stdin']) {
    // A parent that dies without a chance to signal us closes our stdin.
    process.stdin.on('close', () => stop('SIGHUP'));
    process.stdin.resume();
  }
}

main().catch(error => {
  console.error(
    `demo-cluster: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
