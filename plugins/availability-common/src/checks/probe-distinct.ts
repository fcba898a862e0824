import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName } from '../engine/containers';
import { fail, listNames, notApplicable, pass } from '../engine/outcomes';
import { asRecord, Dict, hasOwn, isRecord } from '../engine/read';

const NO_PROBE_PAIR = notApplicable(
  'No app container has both a liveness and a readiness probe.',
);
const PASSED = pass('Liveness and readiness probes differ.');

/** @internal */
export const probeDistinct: WorkloadCheck = {
  id: 'probe-distinct',
  title: 'Liveness differs from readiness',
  description:
    'When the liveness probe is the readiness probe, a pod that is merely busy gets restarted instead of taken out of rotation, which turns load into cascading restarts.',
  severity: 'medium',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    let paired = false;
    let identical: string[] | undefined;
    workload.containers.forEach((container, i) => {
      const liveness = container.livenessProbe;
      const readiness = container.readinessProbe;
      if (!isRecord(liveness) || !isRecord(readiness)) {
        return;
      }
      paired = true;
      if (sameProbe(liveness, readiness)) {
        (identical ??= []).push(containerName(container, i));
      }
    });
    if (!paired) {
      return NO_PROBE_PAIR;
    }
    if (!identical) {
      return PASSED;
    }
    return fail(
      `Container ${listNames(
        identical,
      )} uses the same probe for liveness and readiness: when it is slow, Kubernetes restarts it instead of just holding traffic back.`,
      'Make liveness more lenient than readiness (or check a cheaper endpoint):\n\n```yaml\nreadinessProbe:\n  httpGet: { path: /ready, port: 8080 }\n  failureThreshold: 3\nlivenessProbe:\n  httpGet: { path: /healthz, port: 8080 }\n  failureThreshold: 6\n```',
    );
  },
};

const TIMING_DEFAULTS: ReadonlyArray<[string, number]> = [
  ['initialDelaySeconds', 0],
  ['timeoutSeconds', 1],
  ['periodSeconds', 10],
  ['successThreshold', 1],
  ['failureThreshold', 3],
];

/**
 * Whether two probes are the same: handler and timings alike once the
 * Kubernetes defaults are filled in (httpGet scheme HTTP, grpc service '').
 * Compared field by field, without building normalised copies.
 */
function sameProbe(a: Dict, b: Dict): boolean {
  for (const [key, fallback] of TIMING_DEFAULTS) {
    if (!sameValue(a[key] ?? fallback, b[key] ?? fallback)) {
      return false;
    }
  }
  return (
    sameValue(a.exec, b.exec) &&
    sameValue(a.tcpSocket, b.tcpSocket) &&
    sameHandler(asRecord(a.httpGet), asRecord(b.httpGet), 'scheme', 'HTTP') &&
    sameHandler(asRecord(a.grpc), asRecord(b.grpc), 'service', '')
  );
}

/** Two handlers (or two absent ones), one field defaulted. */
function sameHandler(
  a: Dict | undefined,
  b: Dict | undefined,
  field: string,
  fallback: string,
): boolean {
  if (!a || !b) {
    return !a && !b;
  }
  for (const key in a) {
    if (key !== field && hasOwn(a, key) && !sameValue(a[key], b[key])) {
      return false;
    }
  }
  for (const key in b) {
    if (
      key !== field &&
      hasOwn(b, key) &&
      !hasOwn(a, key) &&
      b[key] !== undefined
    ) {
      return false;
    }
  }
  // As the API server defaults it: only an absent field takes the default.
  return sameValue(
    hasOwn(a, field) ? a[field] : fallback,
    hasOwn(b, field) ? b[field] : fallback,
  );
}

/** Deep equality of JSON-like values; absent and undefined keys are alike. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (!sameValue(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key in a) {
      if (hasOwn(a, key) && !sameValue(a[key], b[key])) {
        return false;
      }
    }
    for (const key in b) {
      if (hasOwn(b, key) && !hasOwn(a, key) && b[key] !== undefined) {
        return false;
      }
    }
    return true;
  }
  return false;
}
