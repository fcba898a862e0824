import type { KubernetesObject } from '@kubernetes/client-node';
import { labelSelectorMatches } from '../../engine';
import type { EvaluationObject } from '../../types';

type Json = Record<string, any>;

/**
 * One change a fix makes: a strategic merge patch of an existing object, or
 * an object to create.
 *
 * @public
 */
export type FixChange =
  | { action: 'patch'; object: KubernetesObject; patch: Record<string, any> }
  | { action: 'create'; object: KubernetesObject };

/**
 * What a fix reads: the workload and the other objects of its cluster.
 *
 * @internal
 */
export interface FixContext {
  workload: Json;
  /** Objects of the same cluster (or manifest set). */
  objects: readonly EvaluationObject[];
  minReplicas: number;
}

/** @internal */
export type FixOutcome =
  | { changes: FixChange[]; notes?: string[] }
  | { unavailable: string };

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

function podSpec(workload: Json): Json {
  return (
    (workload.kind === 'Pod' ? workload.spec : workload.spec?.template?.spec) ??
    {}
  );
}

function podLabels(workload: Json): Record<string, string> {
  return (
    (workload.kind === 'Pod'
      ? workload.metadata?.labels
      : workload.spec?.template?.metadata?.labels) ?? {}
  );
}

function namespaceOf(object: Json): string {
  return object.metadata?.namespace ?? 'default';
}

/** A patch of the pod spec, at the place the workload's kind keeps it. */
function podSpecPatch(workload: Json, spec: Json): FixChange {
  const patch =
    workload.kind === 'Pod' ? { spec } : { spec: { template: { spec } } };
  return { action: 'patch', object: workload as KubernetesObject, patch };
}

function appContainers(workload: Json): Json[] {
  const containers = podSpec(workload).containers;
  return Array.isArray(containers) ? containers : [];
}

/** A patch of each app container that `change` returns something for. */
function containerFix(
  ctx: FixContext,
  change: (container: Json) => Json | undefined,
  unavailable: string,
): FixOutcome {
  const containers = appContainers(ctx.workload)
    .map(c => {
      const patch = change(c);
      return patch && { name: c.name, ...patch };
    })
    .filter(Boolean);
  return containers.length
    ? { changes: [podSpecPatch(ctx.workload, { containers })] }
    : { unavailable };
}

function hpaOf(ctx: FixContext): Json | undefined {
  const { workload } = ctx;
  return ctx.objects
    .map(o => o.object as Json)
    .find(
      o =>
        o.kind === 'HorizontalPodAutoscaler' &&
        namespaceOf(o) === namespaceOf(workload) &&
        o.spec?.scaleTargetRef?.kind === workload.kind &&
        o.spec?.scaleTargetRef?.name === workload.metadata?.name,
    );
}

function pdbsOf(ctx: FixContext): Json[] {
  const labels = podLabels(ctx.workload);
  return ctx.objects
    .map(o => o.object as Json)
    .filter(
      o =>
        o.kind === 'PodDisruptionBudget' &&
        namespaceOf(o) === namespaceOf(ctx.workload) &&
        labelSelectorMatches(o.spec?.selector, labels),
    );
}

function replicasFix(target: number) {
  return (ctx: FixContext): FixOutcome => {
    const hpa = hpaOf(ctx);
    if (hpa) {
      const patch: Json = { spec: { minReplicas: target } };
      if ((hpa.spec?.maxReplicas ?? 0) <= target) {
        patch.spec.maxReplicas = target + 1;
      }
      return {
        changes: [{ action: 'patch', object: hpa as KubernetesObject, patch }],
      };
    }
    return {
      changes: [
        {
          action: 'patch',
          object: ctx.workload as KubernetesObject,
          patch: { spec: { replicas: target } },
        },
      ],
    };
  };
}

function spreadFix(topologyKey: string, whenUnsatisfiable: string) {
  return (ctx: FixContext): FixOutcome => {
    const matchLabels = ctx.workload.spec?.selector?.matchLabels;
    if (!matchLabels || !Object.keys(matchLabels).length) {
      return {
        unavailable: 'the workload selects its pods without matchLabels',
      };
    }
    return {
      changes: [
        podSpecPatch(ctx.workload, {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey,
              whenUnsatisfiable,
              labelSelector: { matchLabels },
            },
          ],
        }),
      ],
    };
  };
}

function firstPort(container: Json): number | undefined {
  const ports = Array.isArray(container.ports) ? container.ports : [];
  const port = ports.find((p: Json) => typeof p?.containerPort === 'number');
  return port?.containerPort;
}

/**
 * The fixes the simulator can apply, by check id. Each is built from the
 * object it changes and never proposes a value already in effect.
 *
 * @internal
 */
export const FIXES: Record<
  string,
  { title: string; apply(ctx: FixContext): FixOutcome }
> = {
  'replicas-min': {
    title: 'Run at least the minimum replicas',
    apply: ctx => replicasFix(Math.max(ctx.minReplicas, 2))(ctx),
  },
  'replicas-recommended': {
    title: 'Run 3 replicas',
    apply: replicasFix(3),
  },
  'rollout-strategy': {
    title: 'Roll out one pod at a time',
    apply: ctx =>
      ctx.workload.kind === 'StatefulSet'
        ? {
            changes: [
              {
                action: 'patch',
                object: ctx.workload as KubernetesObject,
                patch: {
                  spec: {
                    updateStrategy: {
                      type: 'RollingUpdate',
                      rollingUpdate: null,
                    },
                  },
                },
              },
            ],
          }
        : zeroUnavailable(ctx),
  },
  'rollout-zero-unavailable': {
    title: 'Surge new pods before removing old ones',
    apply: zeroUnavailable,
  },
  'pdb-present': {
    title: 'Add a PodDisruptionBudget',
    apply: ctx => {
      const selector = ctx.workload.spec?.selector;
      if (!selector) {
        return { unavailable: 'the workload has no selector' };
      }
      return {
        changes: [
          {
            action: 'create',
            object: {
              apiVersion: 'policy/v1',
              kind: 'PodDisruptionBudget',
              metadata: {
                name: ctx.workload.metadata?.name,
                namespace: namespaceOf(ctx.workload),
              },
              spec: { maxUnavailable: 1, selector },
            } as KubernetesObject,
          },
        ],
      };
    },
  },
  'pdb-allows-eviction': {
    title: 'Let the PDB allow one eviction at a time',
    apply: ctx => {
      const pdbs = pdbsOf(ctx);
      return pdbs.length
        ? {
            changes: pdbs.map(pdb => ({
              action: 'patch' as const,
              object: pdb as KubernetesObject,
              // minAvailable and maxUnavailable cannot stand together.
              patch: { spec: { minAvailable: null, maxUnavailable: 1 } },
            })),
          }
        : { unavailable: 'no PDB of the workload is among its objects' };
    },
  },
  'spread-nodes': {
    title: 'Spread pods over nodes',
    apply: spreadFix(HOSTNAME, 'ScheduleAnyway'),
  },
  'spread-zones': {
    title: 'Spread pods over zones',
    apply: spreadFix(ZONE, 'ScheduleAnyway'),
  },
  'probe-readiness': {
    title: 'Add readiness probes',
    apply: ctx =>
      containerFix(
        ctx,
        c =>
          !c.readinessProbe && firstPort(c) !== undefined
            ? {
                readinessProbe: {
                  tcpSocket: { port: firstPort(c) },
                  periodSeconds: 10,
                },
              }
            : undefined,
        'no container without a readiness probe declares a port to probe',
      ),
  },
  'probe-liveness': {
    title: 'Add liveness probes',
    apply: ctx =>
      containerFix(
        ctx,
        c =>
          !c.livenessProbe && firstPort(c) !== undefined
            ? {
                // More lenient than a readiness probe, so the two stay distinct.
                livenessProbe: {
                  tcpSocket: { port: firstPort(c) },
                  periodSeconds: 20,
                  failureThreshold: 3,
                },
              }
            : undefined,
        'no container without a liveness probe declares a port to probe',
      ),
  },
  'graceful-shutdown': {
    title: 'Add preStop hooks',
    apply: ctx =>
      containerFix(
        ctx,
        c =>
          c.lifecycle?.preStop
            ? undefined
            : { lifecycle: { preStop: { sleep: { seconds: 5 } } } },
        'every container has a preStop hook',
      ),
  },
  'security-no-escalation': {
    title: 'Forbid privilege escalation',
    apply: ctx =>
      containerFix(
        ctx,
        c =>
          c.securityContext?.allowPrivilegeEscalation === false &&
          c.securityContext?.privileged !== true
            ? undefined
            : {
                securityContext: {
                  allowPrivilegeEscalation: false,
                  ...(c.securityContext?.privileged
                    ? { privileged: false }
                    : {}),
                },
              },
        'every container already forbids privilege escalation',
      ),
  },
  'security-read-only-fs': {
    title: 'Read-only root filesystems',
    apply: ctx => {
      const outcome = containerFix(
        ctx,
        c =>
          c.securityContext?.readOnlyRootFilesystem === true
            ? undefined
            : { securityContext: { readOnlyRootFilesystem: true } },
        'every container already has a read-only root filesystem',
      );
      return 'changes' in outcome
        ? {
            ...outcome,
            notes: [
              'Mount an emptyDir volume wherever the application writes (e.g. /tmp).',
            ],
          }
        : outcome;
    },
  },
};

function zeroUnavailable(ctx: FixContext): FixOutcome {
  if (ctx.workload.kind !== 'Deployment') {
    return { unavailable: `a ${ctx.workload.kind} has no surge setting` };
  }
  return {
    changes: [
      {
        action: 'patch',
        object: ctx.workload as KubernetesObject,
        patch: {
          spec: {
            strategy: {
              type: 'RollingUpdate',
              rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
            },
          },
        },
      },
    ],
  };
}
