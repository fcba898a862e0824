import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, pass, unknown } from '../engine/outcomes';
import { podNodeName, readyPodsToSpread } from '../engine/pods';

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
    const found = readyPodsToSpread(workload, pods);
    if ('outcome' in found) {
      return found.outcome;
    }
    const { ready } = found;
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
