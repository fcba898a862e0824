/**
 * Seeded inputs of the backend suite: catalog Components, stored
 * availability reports for them, and emulator cluster folders whose
 * services carry the entities' `backstage.io/kubernetes-id` labels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { evaluate } from '@availability-backstage/plugin-availability-common';
import { createRandom } from './corpus';

type Json = Record<string, any>;
type Random = ReturnType<typeof createRandom>;

/** The catalog side of one generated service. */
export interface ServiceEntity {
  name: string;
  owner: string;
  system: string;
  lifecycle: string;
  entity: Json;
}

/** How the availability store records a generated service's entity. */
export function storedEntity(e: ServiceEntity) {
  return {
    entityRef: `component:default/${e.name}`,
    kind: 'Component',
    namespace: 'default',
    name: e.name,
    title: e.entity.metadata.title,
    owner: `group:default/${e.owner}`,
    system: `system:default/${e.system}`,
    lifecycle: e.lifecycle,
  };
}

/** Every cluster answered. */
export function okStatuses(clusters: string[]) {
  return clusters.map(cluster => ({ cluster, status: 'ok' as const }));
}

const LIFECYCLES = ['production', 'production', 'production', 'experimental'];

/**
 * `count` Components named `svc-00000`…, spread over `owners` teams and
 * `systems` systems, each with a kubernetes-id annotation. Owners get
 * uneven shares, as real organisations have a few large teams.
 */
export function generateServiceEntities(options: {
  count: number;
  owners: number;
  systems: number;
  seed?: number;
}): ServiceEntity[] {
  const random = createRandom(options.seed ?? 11);
  return Array.from({ length: options.count }, (_, i) => {
    const name = `svc-${String(i).padStart(5, '0')}`;
    // Squaring skews the pick towards the first teams.
    const owner = `team-${Math.floor(random.next() ** 2 * options.owners)}`;
    const system = `system-${random.int(0, options.systems - 1)}`;
    const lifecycle = random.pick(LIFECYCLES);
    return {
      name,
      owner,
      system,
      lifecycle,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          title: `Service ${i}`,
          annotations: { 'backstage.io/kubernetes-id': name },
        },
        spec: { type: 'service', owner, system, lifecycle },
      },
    };
  });
}

/**
 * The entities of the refresh benchmarks (the backend suite's and the
 * refresh suite's), so that their passes over the same count run over the
 * same entities: the first `count`, over 12 teams and 30 systems.
 */
export function refreshEntities(count: number): ServiceEntity[] {
  return generateServiceEntities({ count, owners: 12, systems: 30, seed: 5 });
}

/** Writes the entities as one multi-document YAML file for a `file` location. */
export function writeCatalogFile(file: string, entities: ServiceEntity[]) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    entities.map(e => stringify(e.entity)).join('---\n'),
    'utf8',
  );
}

function container(random: Random, name: string, quality: number): Json {
  const good = () => random.chance(quality);
  return {
    name,
    image: good()
      ? `registry.example.com/${name}:1.${random.int(0, 20)}.${random.int(
          0,
          9,
        )}`
      : `registry.example.com/${name}:latest`,
    ports: [{ containerPort: 8080 }],
    ...(good()
      ? { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }
      : {}),
    ...(good()
      ? { livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } }
      : {}),
    ...(good()
      ? {
          resources: {
            requests: {
              cpu: `${random.int(1, 5) * 100}m`,
              memory: `${random.int(1, 8) * 64}Mi`,
            },
            limits: { memory: '1Gi' },
          },
        }
      : {}),
    ...(good()
      ? {
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: good(),
          },
        }
      : {}),
  };
}

/**
 * The rules engine's report on a service generated at `quality` in each of
 * `clusters`.
 */
export function serviceReport(
  random: Random,
  options: { name: string; clusters: string[]; quality: number; now: Date },
) {
  return evaluate(
    options.clusters.flatMap(cluster =>
      serviceObjects(random, options.name, options.quality).map(object => ({
        object: object as any,
        cluster,
      })),
    ),
    { now: options.now },
  );
}

/**
 * A seeded report history's service: its quality (0.3 to 0.95), the first
 * one to all of `clusters` it runs in, and its report at any quality as of
 * `now`, each drawn from `random` in that order.
 */
export function seededService(
  random: Random,
  e: ServiceEntity,
  clusters: string[],
  now: Date,
) {
  const quality = 0.3 + random.next() * 0.65;
  const on = clusters.slice(0, random.int(1, clusters.length));
  return {
    quality,
    entity: storedEntity(e),
    statuses: okStatuses(on),
    clusters: on,
    report: (q: number) =>
      serviceReport(random, { name: e.name, clusters: on, quality: q, now }),
  };
}

/**
 * The objects of one service in one cluster: a Deployment (whose pods the
 * emulator derives), a Service, an HPA, a PDB and a NetworkPolicy, all
 * labelled with the entity's kubernetes-id. `quality` is how likely each
 * good practice is followed.
 */
export function serviceObjects(
  random: Random,
  name: string,
  quality: number,
): Json[] {
  const good = () => random.chance(quality);
  const namespace = `ns-${name.slice(-2)}`;
  const id = { 'backstage.io/kubernetes-id': name };
  const labels = { ...id, app: name };
  const replicas = good() ? random.int(2, 4) : 1;
  const minReplicas = good() ? Math.max(2, replicas) : 1;
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        ...(good()
          ? {
              strategy: {
                type: 'RollingUpdate',
                rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
              },
            }
          : {}),
        template: {
          metadata: { labels },
          spec: {
            containers: [container(random, name, quality)],
            ...(good()
              ? {
                  topologySpreadConstraints: [
                    {
                      maxSkew: 1,
                      topologyKey: 'topology.kubernetes.io/zone',
                      whenUnsatisfiable: 'ScheduleAnyway',
                      labelSelector: { matchLabels: { app: name } },
                    },
                  ],
                }
              : {}),
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels },
      spec: {
        selector: { app: name },
        ports: [{ port: 80, targetPort: 8080 }],
      },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas,
        maxReplicas: minReplicas + (good() ? random.int(2, 6) : 0),
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace, labels },
      spec: {
        ...(good() ? { maxUnavailable: 1 } : { minAvailable: '100%' }),
        selector: { matchLabels: { app: name } },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace, labels },
      spec: {
        podSelector: { matchLabels: { app: name } },
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ port: 8080 }] }],
      },
    },
  ];
}

/**
 * Writes one emulator folder per cluster (6 nodes over 3 zones each) and
 * places every service in one to all of the clusters: about a third run
 * everywhere, the rest in one or two. Returns how many service placements
 * each cluster holds.
 */
export function writeClusterFixtures(options: {
  dir: string;
  clusters: string[];
  services: string[];
  seed?: number;
}): Record<string, number> {
  const random = createRandom(options.seed ?? 23);
  const byCluster = new Map<string, Json[]>(options.clusters.map(c => [c, []]));
  for (const name of options.services) {
    const quality = 0.35 + random.next() * 0.6;
    const roll = random.next();
    const count = roll < 0.35 ? options.clusters.length : roll < 0.7 ? 2 : 1;
    const start = random.int(0, options.clusters.length - 1);
    for (let k = 0; k < Math.min(count, options.clusters.length); k++) {
      const cluster = options.clusters[(start + k) % options.clusters.length];
      byCluster.get(cluster)!.push(...serviceObjects(random, name, quality));
    }
  }
  const placements: Record<string, number> = {};
  for (const [cluster, objects] of byCluster) {
    const clusterDir = path.join(options.dir, cluster);
    fs.mkdirSync(clusterDir, { recursive: true });
    const zones = ['a', 'b', 'c'].map(z => `${cluster}-${z}`);
    fs.writeFileSync(
      path.join(clusterDir, 'cluster.yaml'),
      stringify({
        region: cluster,
        kubernetesVersion: 'v1.30.4',
        nodes: Array.from({ length: 6 }, (_, i) => ({
          name: `${cluster}-node-${i}`,
          zone: zones[i % 3],
          cpu: '16',
          memory: '64Gi',
        })),
      }),
    );
    fs.writeFileSync(
      path.join(clusterDir, 'services.yaml'),
      stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
    );
    placements[cluster] = objects.filter(o => o.kind === 'Deployment').length;
  }
  return placements;
}
