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

const PLURALS: Record<WorkloadKind, string> = {
  Deployment: 'Deployments',
  StatefulSet: 'StatefulSets',
  DaemonSet: 'DaemonSets',
  Pod: 'bare Pods',
};

/**
 * "Does not apply to DaemonSets."
 *
 * @internal
 */
export function kindNotApplicable(kind: WorkloadKind): CheckOutcome {
  return notApplicable(`Does not apply to ${PLURALS[kind]}.`);
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
