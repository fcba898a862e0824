import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { everyContainerProbes } from '../engine/probes';

/** @internal */
export const probeReadiness: WorkloadCheck = {
  id: 'probe-readiness',
  title: 'Readiness probes',
  description:
    'Without a readiness probe, a pod receives traffic as soon as it starts and keeps receiving it when it cannot serve. Every app container needs one.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyContainerProbes(workload, 'readinessProbe');
  },
};
