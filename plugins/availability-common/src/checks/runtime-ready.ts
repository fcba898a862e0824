import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, pass, unknown } from '../engine/outcomes';
import { isPodReady } from '../engine/pods';
import { asInt, describeValue } from '../engine/read';

const POD_READY = pass('The Pod is ready.');
const POD_NOT_READY = fail(
  'The Pod is not ready.',
  'Check its events and logs: `kubectl describe pod` and `kubectl logs`.',
);
const NO_STATUS = unknown('The cluster reported no status for this workload.');
const SCALED_TO_ZERO = fail(
  'The workload is scaled to zero: nothing is serving.',
  'Scale it up, or remove it if it is no longer needed.',
);

/** @internal */
export const runtimeReady: WorkloadCheck = {
  id: 'runtime-ready',
  title: 'Pods are ready',
  description:
    'On the cluster, at least as many pods are ready as the workload wants, and at least one.',
  severity: 'critical',
  category: 'runtime',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    if (workload.kind === 'Pod') {
      return isPodReady(workload.object) ? POD_READY : POD_NOT_READY;
    }
    const status = workload.status;
    if (!status) {
      return NO_STATUS;
    }
    let desired: number | undefined;
    let ready: number | undefined;
    if (workload.kind === 'DaemonSet') {
      desired = asInt(status.desiredNumberScheduled ?? 0);
      ready = asInt(status.numberReady ?? 0);
    } else {
      desired = asInt(workload.spec.replicas ?? 1);
      // The API omits zero counts.
      ready = asInt(status.readyReplicas ?? 0);
    }
    if (desired === undefined || ready === undefined) {
      return unknown(
        `The replica counts could not be read (desired ${describeValue(
          desired,
        )}, ready ${describeValue(ready)}).`,
      );
    }
    if (ready >= desired && ready >= 1) {
      return pass(`${ready} of ${desired} ready.`);
    }
    if (desired === 0) {
      return SCALED_TO_ZERO;
    }
    return fail(
      `Only ${ready} of ${desired} pods are ready.`,
      'Find why pods are not ready: `kubectl get pods`, `kubectl describe pod <name>` (scheduling, image pulls, failing readiness probes) and `kubectl logs`.',
    );
  },
};
