import type { WorkloadReport } from '../types';
import { countBy, podsOf } from './livePods';
import type { WorstDomains } from './types';

/**
 * The node and the zone whose failure costs a live workload the most ready
 * pods ("loses 3/3 ready pods if prod-eu-b-2 fails"), from its evidence
 * alone. Pods without node or zone data are never placed in a guessed
 * domain: `missing` says how many there are.
 *
 * @public
 */
export function worstDomains(entry: WorkloadReport): WorstDomains | undefined {
  const pods = podsOf(entry);
  if (!pods) {
    return undefined;
  }
  const ready = pods.filter(pod => pod.ready);
  return worstOfCounts(ready.length, {
    node: countBy(ready, pod => pod.node),
    zone: countBy(ready, pod => pod.zone),
  });
}

/**
 * {@link worstDomains} from the ready pods counted per node and per zone
 * (pods without one under `undefined`).
 *
 * @internal
 */
export function worstOfCounts(
  ready: number,
  counts: Record<'node' | 'zone', Map<string | undefined, number>>,
): WorstDomains {
  const result: WorstDomains = { ready, missing: [] };
  if (ready === 0) {
    return result;
  }
  for (const type of ['node', 'zone'] as const) {
    const unplaced = counts[type].get(undefined) ?? 0;
    if (unplaced > 0) {
      result.missing.push(`${unplaced} of ${ready} ready pods have no ${type}`);
    }
    const worst = largest(counts[type]);
    if (worst) {
      const [name, lost] = worst;
      result[type] = {
        name,
        lost,
        message: `loses ${lost}/${ready} ready pods if ${type} ${name} fails`,
      };
    }
  }
  return result;
}

/** The entry with the highest count; ties go to the first name in order. */
function largest(
  counts: Map<string | undefined, number>,
): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const [name, count] of counts) {
    if (
      name !== undefined &&
      (!best || count > best[1] || (count === best[1] && name < best[0]))
    ) {
      best = [name, count];
    }
  }
  return best;
}
