/*
 * The Kubernetes API emulator in a process of its own, as real clusters sit
 * outside the backend: the backend's memory and CPU figures are then its
 * own. It is driven through the emulator's control endpoint.
 */
import { spawn } from 'node:child_process';
import type { EmulatorFault } from '@availability-backstage/demo-cluster';
import { DEFAULT_EMULATOR_TOKEN } from '@availability-backstage/demo-cluster';
import { requestJson } from './requestJson';

/** What the benches need of an emulator, whatever process it runs in. */
export interface RemoteEmulator {
  clusters: Array<{ name: string; url: string; token: string }>;
  requestCount(): Promise<number>;
  setFault(cluster: string, fault: EmulatorFault | undefined): Promise<void>;
  close(): Promise<void>;
}

const CLI = require.resolve('@availability-backstage/demo-cluster/src/cli.ts');

/** Starts `demo-cluster --clusters-dir <dir> --port 0` and waits for its clusters. */
export async function startEmulatorProcess(
  clustersDir: string,
  clusterCount: number,
): Promise<RemoteEmulator> {
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      CLI,
      '--clusters-dir',
      clustersDir,
      '--port',
      '0',
      '--exit-with-stdin',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const clusters: RemoteEmulator['clusters'] = [];
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', code =>
      reject(new Error(`the emulator exited (${code}) before it was ready`)),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      for (const match of out.matchAll(/demo-cluster: (\S+) at (\S+)\n/g)) {
        if (!clusters.some(c => c.name === match[1])) {
          clusters.push({
            name: match[1],
            url: match[2],
            token: DEFAULT_EMULATOR_TOKEN,
          });
        }
      }
      if (clusters.length === clusterCount) resolve();
    });
  });
  const control = `${clusters[0].url}/_emulator/clusters`;
  return {
    clusters,
    async requestCount() {
      const body = await requestJson(control);
      return body.clusters.reduce(
        (sum: number, c: { requests: number }) => sum + c.requests,
        0,
      );
    },
    async setFault(cluster, fault) {
      const url = `${control}/${encodeURIComponent(cluster)}/fault`;
      await requestJson(
        url,
        fault ? { method: 'POST', body: fault } : { method: 'DELETE' },
      );
    },
    async close() {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
