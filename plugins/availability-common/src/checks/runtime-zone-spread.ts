import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, listNames, pass, unknown } from '../engine/outcomes';
import { podNodeName, readyPodsToSpread } from '../engine/pods';
import { asRecord, stringMap } from '../engine/read';
import { ZONE_KEYS } from '../engine/spreading';

/** @internal */
export const runtimeZoneSpread: WorkloadCheck = {
  id: 'runtime-zone-spread',
  title: 'Ready pods in several zones',
  description:
    'On the cluster, the nodes of the ready pods span at least two zones. Zones come from the topology.kubernetes.io/zone label of the Node objects in the data; without them the check is unknown.',
  severity: 'medium',
  category: 'runtime',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload, pods, nodeNamed }) {
    const found = readyPodsToSpread(workload, pods);
    if ('outcome' in found) {
      return found.outcome;
    }
    const { ready } = found;
    const zones = new Set<string>();
    const withoutZone = new Set<string>();
    for (const pod of ready) {
      const nodeName = podNodeName(pod);
      const labels = stringMap(
        asRecord(nodeName ? nodeNamed(nodeName)?.metadata : undefined)?.labels,
      );
      const zone = ZONE_KEYS.map(key => labels[key]).find(Boolean);
      if (zone) {
        zones.add(zone);
      } else {
        withoutZone.add(nodeName ?? '(unscheduled)');
      }
    }
    if (zones.size >= 2) {
      return pass(`${ready.length} ready pods in ${zones.size} zones.`);
    }
    if (withoutZone.size > 0) {
      return unknown(
        `No zone data for node ${listNames([
          ...withoutZone,
        ])}: the zone comes from the Node objects' topology.kubernetes.io/zone label.`,
      );
    }
    return fail(
      `All ${ready.length} ready pods run in zone "${
        [...zones][0]
      }": a zone outage takes the workload down.`,
      'Add a topology spread constraint on topology.kubernetes.io/zone (see spread-zones) and make sure the node pool spans several zones.',
    );
  },
};
