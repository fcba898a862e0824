import { PodEvidence } from '@availability-backstage/plugin-availability-common';

/** The pods of a workload that share one node or one zone. */
export interface PodPlacementGroup {
  /** The node or zone name; undefined for pods without one. */
  key?: string;
  pods: PodEvidence[];
  ready: number;
}

/**
 * Groups pods by node or zone, the most crowded first, so that a single
 * point of failure stands out.
 */
export function groupPods(
  pods: PodEvidence[],
  by: 'node' | 'zone',
): PodPlacementGroup[] {
  const groups = new Map<string | undefined, PodPlacementGroup>();
  for (const pod of pods) {
    const key = pod[by];
    const group = groups.get(key) ?? { key, pods: [], ready: 0 };
    group.pods.push(pod);
    if (pod.ready) {
      group.ready += 1;
    }
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.pods.length - a.pods.length ||
      (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
  );
}
