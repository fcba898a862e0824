import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyContainerProbes } from '../engine/probes';

/** @internal */
export const probeLiveness: WorkloadCheck = {
  id: 'probe-liveness',
  title: 'Liveness probes',
  description:
    'A liveness probe lets Kubernetes restart a container that is stuck (deadlocked, wedged) instead of leaving it running and useless.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyContainerProbes(workload, 'livenessProbe');
  },
};
