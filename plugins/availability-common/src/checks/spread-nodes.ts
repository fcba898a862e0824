import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { HOSTNAME_KEYS, spreadOver } from '../engine/spreading';

/** @internal */
export const spreadNodes: WorkloadCheck = {
  id: 'spread-nodes',
  title: 'Spread over nodes',
  description:
    'Pods that share a node go down together when it fails or is drained. A topology spread constraint or pod anti-affinity on kubernetes.io/hostname keeps replicas on different nodes.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ workload }) {
    return spreadOver(workload, {
      keys: HOSTNAME_KEYS,
      over: 'nodes',
      whenUnsatisfiable: 'DoNotSchedule',
    });
  },
};
