import type { CheckOutcome, WorkloadKind } from './model';

/** @internal */
export function pass(message: string): CheckOutcome {
  return { status: 'pass', message };
}

/** @internal */
export function fail(message: string, remediation?: string): CheckOutcome {
  return { status: 'fail', message, remediation };
}

/** @internal */
export function notApplicable(message: string): CheckOutcome {
  return { status: 'not-applicable', message };
}

/** @internal */
export function unknown(message: string): CheckOutcome {
  return { status: 'unknown', message };
}

/**
 * Marks an outcome that a check returns as a module-level constant, so that
 * the engine builds its result once per evaluation and shares it between
 * entries instead of allocating one per workload. Frozen: nothing may
 * change a shared outcome.
 *
 * @internal
 */
export function constant(outcome: CheckOutcome): CheckOutcome {
  return Object.freeze({ ...outcome, fixed: true });
}

const KIND_NOT_APPLICABLE: Record<WorkloadKind, CheckOutcome> = {
  Deployment: constant(notApplicable('Does not apply to Deployments.')),
  StatefulSet: constant(notApplicable('Does not apply to StatefulSets.')),
  DaemonSet: constant(notApplicable('Does not apply to DaemonSets.')),
  Pod: constant(notApplicable('Does not apply to bare Pods.')),
};

/**
 * "Does not apply to DaemonSets."
 *
 * @internal
 */
export function kindNotApplicable(kind: WorkloadKind): CheckOutcome {
  return KIND_NOT_APPLICABLE[kind];
}

/**
 * Names a list for a message: "a", "a and b", "a, b and 2 more".
 *
 * @internal
 */
export function listNames(names: string[], max = 3): string {
  const quoted = names.map(name => `"${name}"`);
  if (quoted.length <= 1) {
    return quoted.join('');
  }
  if (quoted.length <= max) {
    return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  }
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}

/**
 * "1 replica", "3 replicas".
 *
 * @internal
 */
export function plural(count: number, noun: string, nouns = `${noun}s`) {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/*
 * Constant outcomes several checks share.
 */

/** @internal */
export const NO_CONTAINERS = constant(
  fail(
    'The pod template has no containers.',
    'Declare the app containers under `spec.containers`.',
  ),
);

/** @internal */
export const NO_HPA = constant(
  notApplicable('No HorizontalPodAutoscaler targets this workload.'),
);

/** @internal */
export const NO_PDB = constant(
  notApplicable('No PodDisruptionBudget selects this workload.'),
);

/** @internal */
export const BARE_POD = constant(notApplicable('A bare Pod is a single pod.'));

/** @internal */
export const NO_PODS = constant(
  unknown('No pods of this workload are in the data from the cluster.'),
);
