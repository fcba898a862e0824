import type { V1Probe } from '@kubernetes/client-node';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName } from '../engine/containers';
import {
  constant,
  fail,
  listNames,
  notApplicable,
  pass,
} from '../engine/outcomes';
import { asRecord, isRecord } from '../engine/read';

const NO_PROBE_PAIR = constant(
  notApplicable('No app container has both a liveness and a readiness probe.'),
);
const PASSED = constant(pass('Liveness and readiness probes differ.'));

/** @internal */
export const probeDistinct: WorkloadCheck = {
  id: 'probe-distinct',
  title: 'Liveness differs from readiness',
  description:
    'When the liveness probe is the readiness probe, a pod that is merely busy gets restarted instead of taken out of rotation, which turns load into cascading restarts.',
  severity: 'medium',
  category: 'static',
  target: 'workload',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    const both = workload.containers
      .map((container, i) => ({ container, name: containerName(container, i) }))
      .filter(
        ({ container }) =>
          isRecord(container.livenessProbe) &&
          isRecord(container.readinessProbe),
      );
    if (both.length === 0) {
      return NO_PROBE_PAIR;
    }
    const identical = both
      .filter(({ container }) =>
        sameValue(
          normalizeProbe(container.livenessProbe as V1Probe),
          normalizeProbe(container.readinessProbe as V1Probe),
        ),
      )
      .map(({ name }) => name);
    if (identical.length === 0) {
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

const TIMING_DEFAULTS: Record<string, number> = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
};

/** A probe's handler and timings, defaults filled in. */
function normalizeProbe(probe: V1Probe): unknown {
  const raw = probe as unknown as Record<string, unknown>;
  const timings = Object.fromEntries(
    Object.entries(TIMING_DEFAULTS).map(([key, fallback]) => [
      key,
      raw[key] ?? fallback,
    ]),
  );
  const httpGet = asRecord(raw.httpGet);
  const grpc = asRecord(raw.grpc);
  const handler = {
    exec: raw.exec,
    httpGet: httpGet ? { scheme: 'HTTP', ...httpGet } : undefined,
    tcpSocket: raw.tcpSocket,
    grpc: grpc ? { service: '', ...grpc } : undefined,
  };
  return { handler, timings };
}

/** Deep equality of JSON-like values; absent and undefined keys are alike. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameValue(item, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!sameValue(a[key], b[key])) {
        return false;
      }
    }
    return true;
  }
  return false;
}
