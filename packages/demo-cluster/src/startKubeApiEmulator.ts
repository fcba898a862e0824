import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  listClusterNames,
  readClusterFixture,
} from './fixtures/readClusterFixture';
import { ClusterApi } from './server/ClusterApi';
import { ClusterObjects } from './server/ClusterObjects';
import { EmulatorControl, sendJson } from './server/EmulatorControl';
import { parseFault } from './server/parseFault';
import { statusBody } from './server/status';
import {
  DEFAULT_EMULATOR_TOKEN,
  KubeApiEmulator,
  KubeApiEmulatorOptions,
} from './types';

const CONTROL_PREFIX = '/_emulator/';

/**
 * The demo clusters shipped with this package (prod-eu, prod-us, staging).
 *
 * @public
 */
export const DEMO_CLUSTERS_DIR = resolvePackagePath(
  '@availability-backstage/demo-cluster',
  'clusters',
);

/**
 * Starts one Kubernetes API server emulator per cluster folder, each on its
 * own port, serving the folder's objects (expanded into the pods, replica
 * sets, statuses and metrics a live cluster would show).
 *
 * Every server also answers the control endpoints: `GET /_emulator/clusters`,
 * `POST /_emulator/clusters/<name>/fault` with an {@link EmulatorFault} as
 * JSON, `DELETE /_emulator/clusters/<name>/fault`,
 * `PATCH /_emulator/clusters/<name>/objects/<Kind>/<namespace>/<name>` with a
 * JSON merge patch of an authored object, and
 * `DELETE /_emulator/clusters/<name>/changes` to undo the patches.
 *
 * @public
 */
export async function startKubeApiEmulator(
  options: KubeApiEmulatorOptions = {},
): Promise<KubeApiEmulator> {
  const clustersDir = options.clustersDir ?? DEMO_CLUSTERS_DIR;
  const names = options.clusters ?? listClusterNames(clustersDir);
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? DEFAULT_EMULATOR_TOKEN;
  const basePort = options.port ?? 0;
  const now = new Date();

  const clusters = names.map(name => {
    const fixture = readClusterFixture(path.join(clustersDir, name), name);
    const objects = ClusterObjects.create({ fixture, now });
    const initialFault =
      options.faults && name in options.faults
        ? options.faults[name]
        : fixture.settings.fault;
    const api = ClusterApi.create({
      name,
      objects,
      token,
      kubernetesVersion: fixture.settings.kubernetesVersion ?? 'v1.30.4',
      fault: initialFault,
    });
    return { api, objects, url: undefined as string | undefined };
  });
  const apis = clusters.map(c => c.api);
  const control = EmulatorControl.create(clusters);

  const servers: http.Server[] = [];
  const close = async () => {
    await Promise.all(
      servers.map(
        server =>
          new Promise<void>(resolve => {
            server.close(() => resolve());
            // Held (timeout fault) and keep-alive connections end here.
            server.closeAllConnections();
          }),
      ),
    );
  };

  try {
    for (const [index, api] of apis.entries()) {
      const server = http.createServer((req, res) => {
        const done = req.url?.startsWith(CONTROL_PREFIX)
          ? control.handle(req, res)
          : api.handle(req, res);
        done.catch(error => {
          if (!res.headersSent) {
            sendJson(res, 500, statusBody('InternalError', String(error)));
          } else {
            res.destroy();
          }
        });
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(basePort === 0 ? 0 : basePort + index, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      clusters[index].url = `http://${
        urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost
      }:${port}`;
    }
  } catch (error) {
    await close();
    throw error;
  }

  return {
    clusters: clusters.map(({ api, url }) => ({
      name: api.name,
      url: url!,
      token: api.token,
    })),
    setFault(cluster, fault) {
      control.find(cluster).api.setFault(fault && parseFault(fault));
    },
    patchObject(cluster, ref, patch) {
      return control.find(cluster).objects.patch(ref, patch);
    },
    resetObjects(cluster) {
      control.find(cluster).objects.reset();
    },
    requestCount(cluster) {
      return cluster
        ? control.find(cluster).api.requestCount
        : apis.reduce((sum, api) => sum + api.requestCount, 0);
    },
    close,
  };
}
