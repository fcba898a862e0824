/**
 * A seeded synthetic corpus of Kubernetes manifests: workloads with their
 * Services, HPAs, PDBs and NetworkPolicies, mixing good and poor practice
 * the way real clusters do. The same seed always gives the same corpus.
 */

type Json = Record<string, unknown>;

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T =>
      items[Math.floor(next() * items.length)],
  };
}

type Random = ReturnType<typeof createRandom>;

/** The objects of one workload: the workload first, then its companions. */
export interface WorkloadGroup {
  namespace: string;
  objects: Json[];
}

const IMAGES = [
  'registry.example.com/shop/api:1.4.2',
  'nginx:1.27.0',
  'nginx:latest',
  'redis',
  'ghcr.io/acme/worker@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'registry.example.com:5000/team/service:2.0.1',
];

function probe(random: Random, path: string): Json {
  return random.chance(0.5)
    ? { httpGet: { path, port: 8080 }, periodSeconds: random.pick([5, 10]) }
    : { tcpSocket: { port: 8080 } };
}

function container(random: Random, name: string, quality: number): Json {
  const good = () => random.chance(quality);
  const c: Json = {
    name,
    image: good() ? IMAGES[random.int(0, 1)] : random.pick(IMAGES),
  };
  if (good()) {
    c.readinessProbe = probe(random, '/ready');
  }
  if (good()) {
    c.livenessProbe =
      random.chance(0.2) && c.readinessProbe
        ? c.readinessProbe
        : probe(random, '/healthz');
  }
  if (good()) {
    c.resources = {
      requests: {
        cpu: `${random.int(1, 10) * 50}m`,
        memory: `${random.int(1, 8) * 64}Mi`,
      },
      ...(good() ? { limits: { cpu: '1', memory: '1Gi' } } : {}),
    };
  }
  if (good()) {
    c.securityContext = {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: good(),
      runAsNonRoot: true,
    };
  }
  if (good()) {
    c.lifecycle = { preStop: { exec: { command: ['sleep', '5'] } } };
  }
  c.env = [
    { name: 'LOG_LEVEL', value: 'info' },
    good()
      ? {
          name: 'DB_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'db', key: 'password' } },
        }
      : { name: 'API_TOKEN', value: 'not-a-real-token' },
  ];
  return c;
}

function workload(
  random: Random,
  kind: string,
  name: string,
  namespace: string,
  quality: number,
): Json {
  const good = () => random.chance(quality);
  const labels = { app: name, tier: random.pick(['web', 'backend', 'data']) };
  const podSpec: Json = {
    containers: [
      container(random, name, quality),
      ...(random.chance(0.2) ? [container(random, 'sidecar', quality)] : []),
    ],
  };
  if (good()) {
    podSpec.topologySpreadConstraints = [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: name } },
      },
      ...(good()
        ? [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { app: name } },
            },
          ]
        : []),
    ];
  }
  if (good()) {
    podSpec.priorityClassName = 'business-critical';
  }
  const metadata = { name, namespace, labels: { app: name } };
  if (kind === 'Pod') {
    return {
      apiVersion: 'v1',
      kind,
      metadata: { ...metadata, labels },
      spec: podSpec,
    };
  }
  const spec: Json = {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels }, spec: podSpec },
  };
  if (kind !== 'DaemonSet') {
    spec.replicas = good() ? random.int(2, 5) : 1;
  }
  if (kind === 'Deployment') {
    spec.strategy = good()
      ? {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
        }
      : random.chance(0.5)
      ? { type: 'Recreate' }
      : {};
  }
  if (kind === 'StatefulSet') {
    spec.serviceName = name;
  }
  return { apiVersion: 'apps/v1', kind, metadata, spec };
}

/**
 * `count` workload groups across `namespaces` namespaces. About 70% of
 * workloads are Deployments, 15% StatefulSets, 10% DaemonSets and 5% bare
 * Pods; each namespace's quality (how likely each practice is followed)
 * differs, so scores spread from poor to gold.
 */
export function generateCorpus(options: {
  workloads: number;
  namespaces: number;
  seed?: number;
}): WorkloadGroup[] {
  const random = createRandom(options.seed ?? 42);
  const quality = Array.from(
    { length: options.namespaces },
    () => 0.3 + random.next() * 0.65,
  );
  const groups: WorkloadGroup[] = [];
  for (let i = 0; i < options.workloads; i++) {
    const ns = i % options.namespaces;
    const namespace = `team-${ns}`;
    const q = quality[ns];
    const good = () => random.chance(q);
    const roll = random.next();
    const kind =
      roll < 0.7
        ? 'Deployment'
        : roll < 0.85
        ? 'StatefulSet'
        : roll < 0.95
        ? 'DaemonSet'
        : 'Pod';
    const name = `${kind.toLowerCase()}-${i}`;
    const objects: Json[] = [workload(random, kind, name, namespace, q)];
    if (kind !== 'DaemonSet' && random.chance(0.9)) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace },
        spec: {
          selector: { app: good() ? name : `${name}-typo` },
          ports: [{ port: 80, targetPort: 8080 }],
          ...(kind === 'StatefulSet' && good() ? { clusterIP: 'None' } : {}),
        },
      });
    }
    if ((kind === 'Deployment' || kind === 'StatefulSet') && good()) {
      const minReplicas = good() ? random.int(2, 4) : 1;
      objects.push({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name, namespace },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind, name },
          minReplicas,
          maxReplicas: good() ? minReplicas + random.int(2, 8) : minReplicas,
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
      });
    }
    if ((kind === 'Deployment' || kind === 'StatefulSet') && good()) {
      objects.push({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name, namespace },
        spec: {
          ...(good() ? { maxUnavailable: 1 } : { minAvailable: '100%' }),
          selector: { matchLabels: { app: name } },
        },
      });
    }
    if (good()) {
      objects.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name, namespace },
        spec: {
          podSelector: { matchLabels: { app: name } },
          policyTypes: ['Ingress'],
          ingress: [{ ports: [{ port: 8080 }] }],
        },
      });
    }
    groups.push({ namespace, objects });
  }
  return groups;
}
