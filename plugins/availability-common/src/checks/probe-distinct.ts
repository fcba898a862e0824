import type { V1Container } from '@kubernetes/client-node';
import type { Workload, WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName } from '../engine/containers';
import { containerPatch, yamlBlock } from '../engine/snippets';
import { fail, listNames, notApplicable, pass } from '../engine/outcomes';
import {
  asInt,
  asRecord,
  Dict,
  hasOwn,
  isRecord,
  records,
} from '../engine/read';

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
    const fixes: string[] = [];
    workload.containers.forEach((container, i) => {
      const liveness = container.livenessProbe;
      const readiness = container.readinessProbe;
      if (!isRecord(liveness) || !isRecord(readiness)) {
        return;
      }
      paired = true;
      if (sameProbe(liveness, readiness, container)) {
        (identical ??= []).push(containerName(container, i));
        fixes.push(lenientLiveness(workload, container, liveness));
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
      `Keep the probe, but let liveness tolerate twice as many failures as readiness before it restarts the container:\n\n${yamlBlock(
        fixes,
      )}`,
    );
  },
};

/** The container's liveness probe with a doubled `failureThreshold`, at its path. */
function lenientLiveness(
  workload: Workload,
  container: V1Container,
  liveness: Dict,
): string {
  const threshold = asInt(liveness.failureThreshold) ?? 3;
  return containerPatch(workload, container, {
    livenessProbe: {
      ...liveness,
      failureThreshold: Math.max(threshold * 2, 6),
    },
  });
}

/**
 * What makes a probe act as it does in steady state, with the Kubernetes
 * defaults filled in. `initialDelaySeconds`, `successThreshold`,
 * `terminationGracePeriodSeconds` and `httpGet.httpHeaders` only shape
 * start-up or the request, so they do not make two probes distinct.
 */
const TIMING_DEFAULTS: ReadonlyArray<[string, number]> = [
  ['timeoutSeconds', 1],
  ['periodSeconds', 10],
  ['failureThreshold', 3],
];

/** Whether two probes of one container act alike in steady state. */
function sameProbe(a: Dict, b: Dict, container: V1Container): boolean {
  for (const [key, fallback] of TIMING_DEFAULTS) {
    if (!sameValue(a[key] ?? fallback, b[key] ?? fallback)) {
      return false;
    }
  }
  const handlerA = handlerOf(a, container);
  const handlerB = handlerOf(b, container);
  return handlerA !== undefined && sameValue(handlerA, handlerB);
}

/**
 * A probe's handler as comparable data: named ports resolved to the
 * container's port numbers, httpGet's scheme defaulted and its headers
 * left out, a gRPC handler as its port and service.
 */
function handlerOf(probe: Dict, container: V1Container): unknown {
  const httpGet = asRecord(probe.httpGet);
  if (httpGet) {
    return {
      httpGet: {
        path: httpGet.path ?? '/',
        port: portNumber(httpGet.port, container),
        host: httpGet.host,
        scheme: hasOwn(httpGet, 'scheme') ? httpGet.scheme : 'HTTP',
      },
    };
  }
  const tcpSocket = asRecord(probe.tcpSocket);
  if (tcpSocket) {
    return {
      tcpSocket: {
        port: portNumber(tcpSocket.port, container),
        host: tcpSocket.host,
      },
    };
  }
  const grpc = asRecord(probe.grpc);
  if (grpc) {
    return { grpc: { port: grpc.port, service: grpc.service ?? '' } };
  }
  return probe.exec === undefined ? undefined : { exec: probe.exec };
}

/** A named port as the number the container declares for it. */
function portNumber(port: unknown, container: V1Container): unknown {
  if (typeof port !== 'string' || /^\d+$/.test(port)) {
    return typeof port === 'string' ? Number(port) : port;
  }
  const declared = records(container.ports).find(p => p.name === port);
  return declared?.containerPort ?? port;
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
