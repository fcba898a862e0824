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

/**
 * Constant outcomes for messages that take few distinct values (replica
 * counts, a priority class name), built on first use and then shared like
 * `constant` ones. Bounded, so that odd input cannot grow it without limit:
 * past `limit` keys it builds a fresh outcome each time.
 *
 * @internal
 */
export class OutcomeMemo<K> {
  readonly #outcomes = new Map<K, CheckOutcome>();
  readonly #limit: number;

  constructor(limit = 256) {
    this.#limit = limit;
  }

  /** The outcome remembered for `key`, if any. */
  get(key: K): CheckOutcome | undefined {
    return this.#outcomes.get(key);
  }

  /** Remembers `outcome` for `key` (while there is room) and returns it. */
  remember(key: K, outcome: CheckOutcome): CheckOutcome {
    if (this.#outcomes.size >= this.#limit) {
      return outcome;
    }
    const shared = constant(outcome);
    this.#outcomes.set(key, shared);
    return shared;
  }
}
