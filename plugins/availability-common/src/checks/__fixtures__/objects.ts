/*
 * Test fixtures: a Deployment (and friends) that passes every static check,
 * and helpers to patch one field and read one check's result.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { evaluate } from '../../engine/evaluate';
import type {
  CheckResult,
  EvaluateOptions,
  EvaluationObject,
} from '../../types';

export type Obj = KubernetesObject & Record<string, unknown>;

const labels = { app: 'api' };

function container(name: string) {
  return {
    name,
    image: 'registry.example.com/shop/api:1.4.2',
    ports: [{ containerPort: 8080 }],
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    livenessProbe: {
      httpGet: { path: '/healthz', port: 8080 },
      failureThreshold: 6,
    },
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '1', memory: '256Mi' },
    },
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    },
    lifecycle: { preStop: { sleep: { seconds: 5 } } },
    env: [{ name: 'DB_PASSWORD_FILE', value: '/secrets/db' }],
  };
}

function podSpec() {
  return {
    priorityClassName: 'business-critical',
    containers: [container('api')],
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: labels },
      },
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: labels },
      },
    ],
  };
}

/** A Deployment that passes every static check (with its HPA, PDB and NetworkPolicy). */
export function deployment(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        replicas: 3,
        selector: { matchLabels: labels },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
        },
        template: { metadata: { labels }, spec: podSpec() },
      },
    },
    patch,
  );
}

/** An Argo Rollout with the Deployment's pod template (canary by default). */
export function rollout(patch: Record<string, unknown> = {}): Obj {
  const base = deployment();
  return withPatch(
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: base.metadata,
      spec: {
        replicas: 3,
        selector: { matchLabels: labels },
        strategy: { canary: { maxUnavailable: 0, maxSurge: 1 } },
        template: (base.spec as Record<string, unknown>).template,
      },
    },
    patch,
  );
}

/** A KEDA ScaledObject on the Deployment, bounded as the HPA fixture is. */
export function scaledObject(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        scaleTargetRef: { name: 'api' },
        minReplicaCount: 3,
        maxReplicaCount: 10,
        triggers: [
          { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
        ],
      },
    },
    patch,
  );
}

export function statefulSet(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: {
            ...podSpec(),
            topologySpreadConstraints: [],
            affinity: {
              podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                  {
                    topologyKey: 'kubernetes.io/hostname',
                    labelSelector: { matchLabels: { app: 'db' } },
                  },
                ],
              },
            },
          },
        },
      },
    },
    patch,
  );
}

export function daemonSet(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'shop' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: podSpec() },
      },
    },
    patch,
  );
}

export function pod(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'shop', labels: { app: 'debug' } },
      spec: podSpec(),
    },
    patch,
  );
}

export function hpa(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'api',
        },
        minReplicas: 3,
        maxReplicas: 10,
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
    patch,
  );
}

export function pdb(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'api', namespace: 'shop' },
      spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
    },
    patch,
  );
}

export function networkPolicy(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api', namespace: 'shop' },
      spec: { podSelector: { matchLabels: labels }, policyTypes: ['Ingress'] },
    },
    patch,
  );
}

export function service(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: 'shop' },
      spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
    },
    patch,
  );
}

export function claim(patch: Record<string, unknown> = {}): Obj {
  return withPatch(
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'shop' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
      },
    },
    patch,
  );
}

/**
 * The Deployment with everything it needs to pass every static check; `swap`
 * puts other workloads or autoscalers in place of the Deployment or its HPA.
 */
export function compliantSet(
  swap: { workloads?: Obj[]; autoscalers?: Obj[] } = {},
): Obj[] {
  const { workloads = [deployment()], autoscalers = [hpa()] } = swap;
  return [...workloads, ...autoscalers, pdb(), networkPolicy(), service()];
}

/**
 * A deep copy of `base` with each dotted path set (numeric segments index
 * arrays); `undefined` deletes the field.
 */
export function withPatch(base: object, patch: Record<string, unknown>): Obj {
  const copy = JSON.parse(JSON.stringify(base));
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) {
        node[key] = /^\d+$/.test(key) ? [] : {};
      }
      node = node[key];
    }
    const last = keys[keys.length - 1];
    if (value === undefined) {
      delete node[last];
    } else {
      node[last] = value;
    }
  }
  return copy;
}

/** Manifests (no cluster) or live objects of one cluster. */
export function inputs(
  objects: object[],
  cluster?: string,
): EvaluationObject[] {
  return objects.map(object => ({
    object: object as KubernetesObject,
    ...(cluster !== undefined ? { cluster } : {}),
  }));
}

/** The report on `objects`, as manifests or as live objects of `cluster`. */
export function reportOf(objects: object[], cluster?: string) {
  return evaluate(inputs(objects, cluster));
}

/** Evaluates and returns one check's result on one entry. */
export function resultOf(
  objects: object[],
  checkId: string,
  target: { kind?: string; name?: string; cluster?: string } = {},
  options: EvaluateOptions = {},
): CheckResult {
  const report = evaluate(inputs(objects, target.cluster), options);
  const kind = target.kind ?? 'Deployment';
  const entry = report.workloads.find(
    w =>
      w.kind === kind && (target.name === undefined || w.name === target.name),
  );
  if (!entry) {
    throw new Error(`No ${kind} ${target.name ?? ''} in the report`);
  }
  const result = entry.checks.find(check => check.id === checkId);
  if (!result) {
    throw new Error(`No ${checkId} result on ${kind} ${entry.name}`);
  }
  return result;
}
