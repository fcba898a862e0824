import type { V1LabelSelector } from '@kubernetes/client-node';
import type { Workload } from './model';
import { asRecord, records } from './read';
import { labelSelectorMatches } from './selectors';

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

/**
 * How the workload spreads its pods over a topology key: a topology spread
 * constraint or a (required or preferred) pod anti-affinity term on one of
 * the keys, whose label selector matches the workload's own pod labels.
 *
 * @internal
 */
export function spreadingRule(
  workload: Workload,
  keys: string[],
): string | undefined {
  const selects = (selector: unknown) =>
    labelSelectorMatches(selector as V1LabelSelector, workload.podLabels);
  for (const constraint of records(
    workload.podSpec.topologySpreadConstraints,
  )) {
    if (
      keys.includes(constraint.topologyKey as string) &&
      selects(constraint.labelSelector)
    ) {
      return `a topology spread constraint on ${constraint.topologyKey}`;
    }
  }
  const antiAffinity = asRecord(
    asRecord(workload.podSpec.affinity)?.podAntiAffinity,
  );
  for (const term of records(
    antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  )) {
    if (
      keys.includes(term.topologyKey as string) &&
      selects(term.labelSelector)
    ) {
      return `a required pod anti-affinity on ${term.topologyKey}`;
    }
  }
  for (const weighted of records(
    antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
  )) {
    const term = asRecord(weighted.podAffinityTerm);
    if (
      term &&
      keys.includes(term.topologyKey as string) &&
      selects(term.labelSelector)
    ) {
      return `a preferred pod anti-affinity on ${term.topologyKey}`;
    }
  }
  return undefined;
}

/**
 * A matchLabels block of the workload's pod labels, for remediation snippets.
 *
 * @internal
 */
export function podLabelsYaml(workload: Workload, indent: string): string {
  const entries = Object.entries(workload.podLabels).slice(0, 3);
  if (entries.length === 0) {
    return `${indent}app: my-app`;
  }
  return entries
    .map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`)
    .join('\n');
}
