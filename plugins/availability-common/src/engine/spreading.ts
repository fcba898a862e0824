import type { V1LabelSelector } from '@kubernetes/client-node';
import type { CheckOutcome, Workload } from './model';
import { fail, pass } from './outcomes';
import { asRecord, isRecord, stringMap } from './read';
import { labelSelectorMatches } from './selectors';
import { podSpecPatch, yamlBlock } from './snippets';

/** @internal */
export const HOSTNAME_KEYS = ['kubernetes.io/hostname'];

/**
 * The deprecated failure-domain key still counts as a zone key.
 *
 * @internal
 */
export const ZONE_KEYS = [
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
];

/** Rule descriptions by topology key, built once per key (keys are few). */
const CONSTRAINT = new Map<string, string>();
const REQUIRED = new Map<string, string>();
const PREFERRED = new Map<string, string>();

function describe(
  descriptions: Map<string, string>,
  rule: string,
  key: string,
): string {
  let text = descriptions.get(key);
  if (text === undefined) {
    text = `${rule} on ${key}`;
    descriptions.set(key, text);
  }
  return text;
}

/**
 * How the workload spreads its pods over a topology key: a topology spread
 * constraint or a (required or preferred) pod anti-affinity term on one of
 * the keys, whose label selector matches the workload's own pod labels.
 *
 * @internal
 */
export function spreadingRule(
  workload: Workload,
  keys: readonly string[],
): string | undefined {
  const podSpec = workload.podSpec;
  const constraints = podSpec.topologySpreadConstraints;
  if (Array.isArray(constraints)) {
    for (const constraint of constraints) {
      const key = spreadKey(constraint, keys, workload);
      if (key !== undefined) {
        return describe(CONSTRAINT, 'a topology spread constraint', key);
      }
    }
  }
  const antiAffinity = asRecord(asRecord(podSpec.affinity)?.podAntiAffinity);
  if (!antiAffinity) {
    return undefined;
  }
  const required = antiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(required)) {
    for (const term of required) {
      const key = spreadKey(term, keys, workload);
      if (key !== undefined) {
        return describe(REQUIRED, 'a required pod anti-affinity', key);
      }
    }
  }
  const preferred =
    antiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(preferred)) {
    for (const weighted of preferred) {
      const key = spreadKey(
        asRecord(weighted)?.podAffinityTerm,
        keys,
        workload,
      );
      if (key !== undefined) {
        return describe(PREFERRED, 'a preferred pod anti-affinity', key);
      }
    }
  }
  return undefined;
}

/**
 * The topology key of a constraint or term that spreads the workload's own
 * pods over one of `keys`.
 */
function spreadKey(
  term: unknown,
  keys: readonly string[],
  workload: Workload,
): string | undefined {
  if (!isRecord(term)) {
    return undefined;
  }
  const key = term.topologyKey;
  return typeof key === 'string' &&
    keys.includes(key) &&
    labelSelectorMatches(
      term.labelSelector as V1LabelSelector,
      workload.podLabels,
    )
    ? key
    : undefined;
}

/**
 * The labels that pick out the workload's own pods: its selector's
 * matchLabels (they match its pods by definition), else its pod labels.
 *
 * @internal
 */
export function ownPodLabels(workload: Workload): Record<string, string> {
  const selected = stringMap(asRecord(workload.selector)?.matchLabels);
  return Object.keys(selected).length > 0 ? selected : workload.podLabels;
}

/**
 * The outcome of spread-nodes or spread-zones: passes on a spreading rule
 * over one of `keys`, else fails with a topology spread constraint on the
 * first key that selects the workload's own pods.
 *
 * @internal
 */
export function spreadOver(
  workload: Workload,
  options: {
    keys: readonly string[];
    /** `nodes`, `zones`: for messages. */
    over: string;
    whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  },
): CheckOutcome {
  const { keys, over, whenUnsatisfiable } = options;
  const rule = spreadingRule(workload, keys);
  if (rule) {
    return pass(`Pods are spread over ${over} by ${rule}.`);
  }
  const existing = Array.isArray(workload.podSpec.topologySpreadConstraints)
    ? workload.podSpec.topologySpreadConstraints
    : [];
  return fail(
    `Nothing spreads the pods over ${over}: no topology spread constraint or pod anti-affinity on ${keys[0]} selects the pods of this workload, so the scheduler may place them all together.`,
    `Add a topology spread constraint whose selector matches the pod labels${
      existing.length > 0 ? ' (beside the constraints it has)' : ''
    }:\n\n${yamlBlock([
      podSpecPatch(workload, {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: keys[0],
            whenUnsatisfiable,
            labelSelector: { matchLabels: ownPodLabels(workload) },
          },
        ],
      }),
    ])}`,
  );
}
