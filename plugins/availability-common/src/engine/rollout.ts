import type { CheckOutcome, Workload, WorkloadSubject } from './model';
import { resolveIntOrPercent, Resolved } from './intOrPercent';
import { pass, SCALED_TO_ZERO, unknown } from './outcomes';
import { asRecord, asString, Dict } from './read';

const BLUE_GREEN = pass(
  'Blue-green: the new pods are up before traffic moves to them.',
);

/**
 * A workload's update strategy with `maxUnavailable` and `maxSurge`
 * resolved against the effective replicas, using the API defaults.
 *
 * @internal
 */
export interface RolloutPlan {
  type: string;
  /** True for `Recreate` (Deployments) and `OnDelete` (StatefulSets). */
  disruptive: boolean;
  /**
   * True for a Rollout's `blueGreen` strategy: the new pods are up before
   * traffic moves to them.
   */
  blueGreen?: boolean;
  maxUnavailable?: Resolved;
  /** Deployments and Rollouts only. */
  maxSurge?: Resolved;
}

/**
 * Where each kind keeps its strategy, its disruptive type and the
 * defaults of its rolling update (a StatefulSet has no surge).
 */
const STRATEGIES = {
  Deployment: { field: 'strategy', disruptive: 'Recreate', unavailable: '25%' },
  StatefulSet: {
    field: 'updateStrategy',
    disruptive: 'OnDelete',
    unavailable: 1,
  },
} as const;

/** @internal */
export function rolloutPlan(workload: Workload, replicas: number): RolloutPlan {
  if (workload.kind === 'Rollout') {
    const strategy = asRecord(workload.spec.strategy);
    if (asRecord(strategy?.blueGreen)) {
      return { type: 'blueGreen', disruptive: false, blueGreen: true };
    }
    // A canary strategy, or none, rolls pods over as a Deployment does.
    return rolling('canary', asRecord(strategy?.canary), '25%', replicas, true);
  }
  const { field, disruptive, unavailable } =
    STRATEGIES[workload.kind === 'Deployment' ? 'Deployment' : 'StatefulSet'];
  const strategy = asRecord(workload.spec[field]);
  const type = asString(strategy?.type) ?? 'RollingUpdate';
  if (type === disruptive) {
    return { type, disruptive: true };
  }
  return rolling(
    type,
    asRecord(strategy?.rollingUpdate),
    unavailable,
    replicas,
    workload.kind === 'Deployment',
  );
}

function rolling(
  type: string,
  settings: Dict | undefined,
  defaultUnavailable: string | number,
  replicas: number,
  surges: boolean,
): RolloutPlan {
  return {
    type,
    disruptive: false,
    maxUnavailable: resolveIntOrPercent(
      settings?.maxUnavailable ?? defaultUnavailable,
      replicas,
      'down',
    ),
    maxSurge: surges
      ? resolveIntOrPercent(settings?.maxSurge ?? '25%', replicas, 'up')
      : undefined,
  };
}

/**
 * The spec fields that make a rollout surge new pods in before old ones
 * stop, for remediations: only what differs from the plan in effect.
 *
 * @internal
 */
export function surgingStrategy(
  workload: Workload,
  plan: RolloutPlan,
): Record<string, unknown> {
  const surge =
    plan.maxSurge?.problem === undefined && (plan.maxSurge?.value ?? 0) >= 1
      ? {}
      : { maxSurge: 1 };
  // maxUnavailable 0 needs a surge of at least 1: the API refuses both 0.
  const settings = { maxUnavailable: 0, ...surge };
  if (workload.kind === 'Rollout') {
    return { strategy: { canary: settings } };
  }
  if (plan.disruptive) {
    return {
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
      },
    };
  }
  return { strategy: { rollingUpdate: settings } };
}

/**
 * Runs `judge` on the workload and its rollout plan: `unknown` when the replica
 * count cannot be read, not-applicable scaled to zero (no pod to roll
 * over), and a pass for a blue-green Rollout.
 *
 * @internal
 */
export function judgeRollout(
  { replicas, workload }: WorkloadSubject,
  judge: (
    workload: Workload,
    plan: RolloutPlan,
    replicas: number,
  ) => CheckOutcome,
): CheckOutcome {
  if (!replicas || replicas.problem !== undefined) {
    return unknown(replicas?.problem ?? 'The replica count could not be read.');
  }
  if (replicas.value === 0) {
    return SCALED_TO_ZERO;
  }
  const plan = rolloutPlan(workload, replicas.value);
  return plan.blueGreen ? BLUE_GREEN : judge(workload, plan, replicas.value);
}
