/*
 * The refresh suite's backend: the availability and kubernetes plugins over
 * the emulated clusters, one full pass at a time, and how fresh the reports
 * it leaves are.
 */
import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import availabilityPlugin from '@availability-backstage/plugin-availability-backend';
import { REFRESH_TASK_ID } from '@availability-backstage/plugin-availability-backend/src/workspaceInternals';
import { kubernetesConfigFor } from '@availability-backstage/demo-cluster';
import { RemoteEmulator } from '../lib/emulatorProcess';
import { generateServiceEntities } from '../lib/backendFixtures';
import {
  auth,
  baseUrl,
  getJson,
  QUIET_SCHEDULE,
  RecordingLogger,
} from '../lib/benchBackend';
import { availabilityProbe } from '@availability-backstage/plugin-availability-backend/src/service/__testUtils__/testBackend';

export function toEntity(
  e: ReturnType<typeof generateServiceEntities>[number],
) {
  return {
    ...e.entity,
    metadata: { ...e.entity.metadata, namespace: 'default' },
  } as Entity;
}

export async function startBackend(options: {
  emulator: RemoteEmulator;
  entities: Entity[];
  source: 'cluster' | 'entity';
}) {
  const logger = new RecordingLogger({ printedWarnings: 3 });
  // Hands out the plugin's scheduler (to trigger passes) and database.
  const probe = availabilityProbe();
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      availabilityPlugin,
      probe.feature,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      logger.serviceFactory(),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: kubernetesConfigFor(options.emulator),
          // Default concurrency, cluster timeout and request timeout.
          availability: { source: options.source, schedule: QUIET_SCHEDULE },
        },
      }),
    ],
  });
  const base = baseUrl(backend.server as any);
  // Loads @kubernetes/client-node (a dynamic import) outside the timings.
  await fetch(`${base}/api/kubernetes/resources/workloads/query`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ entityRef: 'component:default/svc-00000' }),
  });
  return {
    backend,
    base,
    logger,
    scheduler: probe.scheduler,
    database: probe.database,
  };
}

/** One full pass: wall time, the emulator's request count, peak memory. */
export async function pass(options: {
  scheduler: SchedulerService;
  emulator: RemoteEmulator;
  logger: RecordingLogger;
}) {
  const { scheduler, emulator, logger } = options;
  global.gc?.();
  const startCpu = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const before = await emulator.requestCount();
  logger.lines.length = 0;
  const start = process.hrtime.bigint();
  await scheduler.triggerTask(REFRESH_TASK_ID);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(startCpu);
  clearInterval(sampler);
  const summary =
    logger.lines.find(l => l.startsWith('Availability refresh ')) ?? '';
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    kube: (await emulator.requestCount()) - before,
    peakRssMb: peakRss / 2 ** 20,
    summary,
  };
}

/** Entities whose report is fresh from this pass, of those on a healthy cluster. */
export async function freshFromHealthy(
  base: string,
  entities: Entity[],
  healthy: string[],
  since: number,
) {
  let expected = 0;
  let fresh = 0;
  for (let i = 0; i < entities.length; i += 8) {
    const bodies = await Promise.all(
      entities
        .slice(i, i + 8)
        .map(e =>
          getJson(
            `${base}/api/availability/entities/component/default/${e.metadata.name}`,
          ),
        ),
    );
    for (const body of bodies) {
      const onHealthy = body.clusters.filter((c: any) =>
        healthy.includes(c.cluster),
      );
      if (!onHealthy.length) continue;
      expected += 1;
      const isFresh =
        !body.stale &&
        onHealthy.every(
          (c: any) => c.status === 'ok' && Date.parse(c.lastSuccessAt) >= since,
        );
      if (isFresh) fresh += 1;
    }
  }
  return { expected, fresh };
}

export type PassResult = Awaited<ReturnType<typeof pass>>;
