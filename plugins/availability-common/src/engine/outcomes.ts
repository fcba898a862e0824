import type { CheckOutcome } from './model';

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
 * Outcomes several checks give.
 */

/** @internal */
export const NO_CONTAINERS = fail(
  'The pod template has no containers.',
  'Declare the app containers under `spec.containers`.',
);

/** @internal */
export const NO_HPA = notApplicable(
  'No HorizontalPodAutoscaler targets this workload.',
);

/** @internal */
export const NO_PDB = notApplicable(
  'No PodDisruptionBudget selects this workload.',
);

/** @internal */
export const BARE_POD = notApplicable('A bare Pod is a single pod.');

/** @internal */
export const SCALED_TO_ZERO = notApplicable(
  'Scaled to zero: no pod runs to roll over; replicas-min reports it.',
);

/** @internal */
export const NO_PODS = unknown(
  'No pods of this workload are in the data from the cluster.',
);
