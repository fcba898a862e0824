/*
 * The backend suite's refresh: a full refresh of 500 entities over 3
 * emulated clusters through the real kubernetes backend, against the bare
 * kubernetes backend queries for the same entities.
 */
import path from 'node:path';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { REFRESH_TASK_ID } from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import {
  kubernetesConfigFor,
  startKubeApiEmulator,
} from '@availability-backstage/demo-cluster';
import {
  refreshEntities,
  writeCatalogFile,
  writeClusterFixtures,
} from '../lib/backendFixtures';
import { median, ratioRow, round } from '../lib/results';
import type { BenchRow } from '../lib/results';
import {
  auth,
  CLUSTERS,
  getJson,
  log,
  RecordingLogger,
  startCatalogBackend,
  waitForCatalog,
} from '../lib/benchBackend';

const REFRESH_ENTITIES = 500;

const REFRESH_PASSES = 5;

/** Runs `fn` over `items` with at most `concurrency` at once. */
async function eachLimited<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    }),
  );
}

export async function measureRefresh(tmp: string): Promise<{
  rows: BenchRow[];
  notes: string[];
}> {
  log(`refresh: ${REFRESH_ENTITIES} entities over ${CLUSTERS.length} clusters`);
  const entities = refreshEntities(REFRESH_ENTITIES);
  const file = path.join(tmp, 'refresh-entities.yaml');
  writeCatalogFile(file, entities);
  const clustersDir = path.join(tmp, 'clusters');
  const placements = writeClusterFixtures({
    dir: clustersDir,
    clusters: CLUSTERS,
    services: entities.map(e => e.name),
  });
  const emulator = await startKubeApiEmulator({ clustersDir });
  const logger = new RecordingLogger({ pluginPrefix: true });
  // The probe hands out the availability plugin's scheduler: the mock one,
  // whose triggerTask runs the task and resolves when it is done.
  const { backend, base, probe } = await startCatalogBackend({
    catalogFile: file,
    features: [kubernetesPlugin, logger.serviceFactory()],
    config: { kubernetes: kubernetesConfigFor(emulator) },
    // The per-entity source, compared with the same kubernetes backend
    // queries; bench/refresh.bench.ts compares both sources. Default
    // refresh concurrency and request timeout.
    availability: { source: 'entity' },
  });
  try {
    await waitForCatalog(base, REFRESH_ENTITIES);
    const headers = { ...auth, 'content-type': 'application/json' };
    const post = async (route: string, body: unknown) => {
      const res = await fetch(`${base}/api/kubernetes${route}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        throw new Error(
          `POST ${route} answered ${res.status}: ${await res.text()}`,
        );
      }
      return res.json();
    };
    const kubeQueries = (name: string) =>
      Promise.all([
        post('/resources/workloads/query', {
          entityRef: `component:default/${name}`,
        }),
        post('/resources/custom/query', {
          entityRef: `component:default/${name}`,
          customResources: [
            {
              group: 'policy',
              apiVersion: 'v1',
              plural: 'poddisruptionbudgets',
            },
            {
              group: 'networking.k8s.io',
              apiVersion: 'v1',
              plural: 'networkpolicies',
            },
          ],
        }),
      ]);
    // Loads @kubernetes/client-node (a dynamic import) outside the timings.
    await kubeQueries(entities[0].name);

    // Wall time moves with the load of the shared machine; the process's own
    // CPU time (backend, kubernetes backend and emulator all live in it)
    // tells the work done.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const passes: Array<{
      ms: number;
      cpu: number;
      kube: number;
      summary: string;
    }> = [];
    const baselines: Array<{ ms: number; cpu: number }> = [];
    for (let pass = 0; pass < REFRESH_PASSES; pass++) {
      // The bare kubernetes backend: the same two queries per entity at the
      // plugin's default concurrency (4), bodies parsed, nothing evaluated.
      const baseStart = process.hrtime.bigint();
      const baseCpu = process.cpuUsage();
      await eachLimited(entities, 4, async e => {
        await kubeQueries(e.name);
      });
      baselines.push({
        ms: Number(process.hrtime.bigint() - baseStart) / 1e6,
        cpu: cpuMs(baseCpu),
      });

      const before = emulator.requestCount();
      logger.lines.length = 0;
      const start = process.hrtime.bigint();
      const startCpu = process.cpuUsage();
      await probe.scheduler.triggerTask(REFRESH_TASK_ID);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = cpuMs(startCpu);
      const summary =
        logger.lines.find(l => l.includes('Availability refresh ')) ?? '';
      if (!/ succeeded: .* 0 failed/.test(summary)) {
        throw new Error(
          `refresh pass ${pass + 1} did not succeed: ${
            summary || logger.lines.slice(-5).join(' | ')
          }`,
        );
      }
      passes.push({
        ms,
        cpu,
        kube: emulator.requestCount() - before,
        summary,
      });
      log(
        `  pass ${pass + 1}: ${round(ms, 0)} ms, ${round(
          cpu,
          0,
        )} ms CPU (bare kubernetes backend ${round(
          baselines[pass].ms,
          0,
        )} ms, ${round(baselines[pass].cpu, 0)} ms CPU); ${summary}`,
      );
    }

    const reports = await getJson(`${base}/api/availability/reports?limit=1`);
    if (reports.totalItems !== REFRESH_ENTITIES) {
      throw new Error(
        `expected ${REFRESH_ENTITIES} reports, got ${reports.totalItems}`,
      );
    }

    // Pass 1 writes into an empty store; later passes are the steady state
    // (reports replaced, same-day history points collapsed).
    const first = passes[0];
    const steady = passes.slice(1);
    const steadyMs = median(steady.map(p => p.ms));
    const steadyCpu = median(steady.map(p => p.cpu));
    const baselineMs = median(baselines.slice(1).map(b => b.ms));
    const baselineCpu = median(baselines.slice(1).map(b => b.cpu));
    const caseName = `${REFRESH_ENTITIES} entities, ${CLUSTERS.length} clusters`;
    const rows: BenchRow[] = [
      {
        case: caseName,
        metric: 'first full refresh wall time (empty store)',
        value: round(first.ms),
        unit: 'ms',
      },
      ratioRow({
        case: caseName,
        metric: `full refresh wall time, median of passes 2-${REFRESH_PASSES}`,
        value: steadyMs,
        unit: 'ms',
        baseline: {
          name: 'same kubernetes backend queries alone, concurrency 4',
          value: baselineMs,
        },
        maxRatio: 1.25,
      }),
      ratioRow({
        case: caseName,
        metric: `full refresh CPU time of the backend process, median of passes 2-${REFRESH_PASSES}`,
        value: steadyCpu,
        unit: 'ms',
        baseline: {
          name: 'same kubernetes backend queries alone, concurrency 4',
          value: baselineCpu,
        },
        maxRatio: 1.25,
      }),
      {
        case: caseName,
        metric: `entities per second (passes 2-${REFRESH_PASSES})`,
        value: round(REFRESH_ENTITIES / (steadyMs / 1000)),
        unit: 'entities/s',
      },
      {
        case: caseName,
        metric: 'kube API requests per full refresh',
        value: first.kube,
        unit: 'requests',
      },
      {
        case: caseName,
        metric: 'kube API requests per entity',
        value: round(first.kube / REFRESH_ENTITIES),
        unit: 'requests',
      },
    ];
    // 13 default object types and 2 custom resources per entity and cluster.
    const entityLists = REFRESH_ENTITIES * CLUSTERS.length * 15;
    const notes = [
      `Refresh: ${REFRESH_ENTITIES} Components in the real catalog backend (file location), each a Deployment + Service + HPA + PDB + NetworkPolicy (pods derived by the emulator) in 1-3 of ${
        CLUSTERS.length
      } emulated clusters (${Object.entries(placements)
        .map(([c, n]) => `${c}: ${n} services`)
        .join(
          ', ',
        )}), read through the real @backstage/plugin-kubernetes-backend (multiTenant, so every cluster is asked about every entity). The refresh task is triggered through the mock scheduler, which awaits it; ${REFRESH_PASSES} passes, each preceded by the bare baseline pass, default refresh concurrency (4). Per pass (wall ms refresh/bare, CPU ms refresh/bare): ${passes
        .map(
          (p, i) =>
            `${round(p.ms, 0)}/${round(baselines[i].ms, 0)}, ${round(
              p.cpu,
              0,
            )}/${round(baselines[i].cpu, 0)}`,
        )
        .join(
          '; ',
        )}. CPU time is the whole process (catalog, kubernetes backend, availability plugin, emulator and, for the bare pass, the suite's own fetch client), so it is not disturbed by other processes the way wall time is. Kube API requests are the emulator's own count.`,
      `Last refresh log line: ${passes[passes.length - 1].summary.replace(
        /^availability: /,
        '',
      )}. Kube API requests per pass, the emulator's count: ${
        first.kube
      } = ${entityLists} (${REFRESH_ENTITIES} entities x ${
        CLUSTERS.length
      } clusters x 15 lists) + ${
        first.kube - entityLists
      } made once per pass (the plugin's Node lists).`,
    ];
    return { rows, notes };
  } finally {
    await backend.stop();
    await emulator.close();
  }
}
