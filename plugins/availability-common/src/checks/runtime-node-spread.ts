import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import {
  BARE_POD,
  fail,
  NO_PODS,
  notApplicable,
  pass,
  unknown,
} from '../engine/outcomes';
import { isPodReady, podNodeName } from '../engine/pods';

const NODE_MISSING = unknown(
  'Some ready pods do not say which node they run on.',
);

/** @internal */
export const runtimeNodeSpread: WorkloadCheck = {
  id: 'runtime-node-spread',
  title: 'Ready pods on several nodes',
  description:
    'On the cluster, the ready pods run on at least two nodes, so one node failure does not take all of them.',
  severity: 'high',
  category: 'runtime',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload, pods }) {
    if (workload.kind === 'Pod') {
      return BARE_POD;
    }
    if (pods.length === 0) {
      return NO_PODS;
    }
    const ready = pods.filter(isPodReady);
    if (ready.length < 2) {
      return notApplicable(
        `Fewer than 2 ready pods (${ready.length}); runtime-ready covers that.`,
      );
    }
    const nodes = new Set(ready.map(podNodeName).filter(n => n !== undefined));
    if (nodes.size >= 2) {
      return pass(`${ready.length} ready pods on ${nodes.size} nodes.`);
    }
    if (ready.some(pod => podNodeName(pod) === undefined)) {
      return NODE_MISSING;
    }
    return fail(
      `All ${ready.length} ready pods run on node "${
        [...nodes][0]
      }": if it fails, the workload goes down.`,
      'Add a topology spread constraint on kubernetes.io/hostname (see spread-nodes), then restart the rollout so the scheduler re-places the pods: `kubectl rollout restart`.',
    );
  },
};
