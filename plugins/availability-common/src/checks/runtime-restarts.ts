import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, NO_PODS, pass, plural } from '../engine/outcomes';
import { podName } from '../engine/pods';
import { asInt, asNonEmptyString, asRecord, records } from '../engine/read';

/** @internal */
export const runtimeRestarts: WorkloadCheck = {
  id: 'runtime-restarts',
  title: 'No crash loops or frequent restarts',
  description:
    'Pods in CrashLoopBackOff, or containers restarting again and again (maxRestarts), serve errors and hide a real fault.',
  severity: 'high',
  category: 'runtime',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ pods, thresholds }) {
    if (pods.length === 0) {
      return NO_PODS;
    }
    const crashing: string[] = [];
    const restarting: string[] = [];
    for (const pod of pods) {
      const status = asRecord(pod.status);
      const statuses = [
        ...records(status?.initContainerStatuses),
        ...records(status?.containerStatuses),
      ];
      for (const container of statuses) {
        const where = `${podName(pod)}/${
          asNonEmptyString(container.name) ?? '?'
        }`;
        if (
          asRecord(asRecord(container.state)?.waiting)?.reason ===
          'CrashLoopBackOff'
        ) {
          crashing.push(where);
        }
        const restarts = asInt(container.restartCount) ?? 0;
        if (restarts >= thresholds.maxRestarts) {
          restarting.push(`${where} (${restarts})`);
        }
      }
    }
    if (crashing.length === 0 && restarting.length === 0) {
      return pass(
        `No crash loops; every container restarted fewer than ${thresholds.maxRestarts} times.`,
      );
    }
    const parts = [
      crashing.length ? `in CrashLoopBackOff: ${crashing.join(', ')}` : '',
      restarting.length
        ? `restarted ${thresholds.maxRestarts} times or more: ${restarting.join(
            ', ',
          )}`
        : '',
    ].filter(Boolean);
    return fail(
      `${plural(
        crashing.length + restarting.length,
        'container problem',
      )} - ${parts.join('; ')}.`,
      'Read the last crash: `kubectl logs <pod> -c <container> --previous` and `kubectl describe pod <pod>` (OOMKilled means the memory limit is too low; failing liveness probes mean the probe is too strict or the app hangs).',
    );
  },
};
