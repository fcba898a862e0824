import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { spreadOver, ZONE_KEYS } from '../engine/spreading';

/** @internal */
export const spreadZones: WorkloadCheck = {
  id: 'spread-zones',
  title: 'Spread over zones',
  description:
    'Pods in one availability zone go down together when the zone fails. A topology spread constraint or pod anti-affinity on topology.kubernetes.io/zone keeps replicas in different zones.',
  severity: 'medium',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ workload }) {
    return spreadOver(workload, {
      keys: ZONE_KEYS,
      over: 'zones',
      // So that a cluster whose nodes sit in one zone still schedules them.
      whenUnsatisfiable: 'ScheduleAnyway',
    });
  },
};
