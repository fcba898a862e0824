import type { V1Container } from '@kubernetes/client-node';
import { everyAppContainerHas, withoutObject } from './containers';
import type { CheckOutcome, Workload } from './model';
import { fail, listNames, pass } from './outcomes';
import { asInt, asNonEmptyString, Dict, isRecord, records } from './read';
import { containerPatch, yamlBlock } from './snippets';

type ProbeField = 'readinessProbe' | 'livenessProbe';

/** How each probe should behave: readiness quick to act, liveness lenient. */
const TIMING: Record<
  ProbeField,
  { periodSeconds: number; failureThreshold: number }
> = {
  readinessProbe: { periodSeconds: 5, failureThreshold: 3 },
  livenessProbe: { periodSeconds: 10, failureThreshold: 6 },
};

const OTHER: Record<ProbeField, ProbeField> = {
  readinessProbe: 'livenessProbe',
  livenessProbe: 'readinessProbe',
};

/** The handler part of a probe (what it calls), without its timing. */
function handlerOf(probe: Dict): Dict | undefined {
  for (const key of ['httpGet', 'tcpSocket', 'grpc', 'exec']) {
    if (isRecord(probe[key])) {
      return { [key]: probe[key] };
    }
  }
  return undefined;
}

/** The first TCP port the container declares, by number. */
function servingPort(container: V1Container): number | undefined {
  const port = records(container.ports).find(
    p =>
      typeof p.containerPort === 'number' &&
      (asNonEmptyString(p.protocol) ?? 'TCP') === 'TCP',
  );
  return port ? (port.containerPort as number) : undefined;
}

/**
 * A probe for one container, built from what it has: the handler of its
 * other probe when it has one (with timing that keeps the two distinct in
 * steady state, as probe-distinct asks), else a TCP check of the first
 * port it declares; undefined when it declares none (no port to probe).
 */
function probeFor(container: V1Container, field: ProbeField): Dict | undefined {
  const other = container[OTHER[field]];
  const timing = TIMING[field];
  if (isRecord(other)) {
    const handler = handlerOf(other);
    if (handler) {
      const period = asInt(other.periodSeconds) ?? 10;
      return {
        ...handler,
        // A different period keeps the probes distinct whatever else matches.
        periodSeconds:
          period === timing.periodSeconds ? period + 5 : timing.periodSeconds,
        failureThreshold: timing.failureThreshold,
      };
    }
  }
  const port = servingPort(container);
  return port === undefined ? undefined : { tcpSocket: { port }, ...timing };
}

const WORDING: Record<
  ProbeField,
  { noun: string; passed: CheckOutcome; harm: string; advice: string }
> = {
  readinessProbe: {
    noun: 'readiness probe',
    passed: pass('Every app container has a readiness probe.'),
    harm: 'so it gets traffic before it is ready and while it is failing',
    advice:
      'Add a readiness probe (an httpGet on the endpoint that says the app can serve is better than a TCP check, where it has one)',
  },
  livenessProbe: {
    noun: 'liveness probe',
    passed: pass('Every app container has a liveness probe.'),
    harm: 'so a stuck process is never restarted',
    advice:
      'Add a liveness probe that fails only when the process is beyond recovery, more leniently than the readiness probe',
  },
};

/**
 * The outcome of probe-readiness or probe-liveness: every app container
 * needs the probe; the remediation gives each container without one a
 * probe of a port it declares.
 *
 * @internal
 */
export function everyContainerProbes(
  workload: Workload,
  field: ProbeField,
): CheckOutcome {
  const wording = WORDING[field];
  return everyAppContainerHas({
    workload,
    gap: withoutObject(field),
    passed: wording.passed,
    failed: missing => {
      const lacking = workload.containers.filter(c => !isRecord(c[field]));
      const portless = lacking.filter(c => probeFor(c, field) === undefined);
      const patches = lacking.flatMap(container => {
        const probe = probeFor(container, field);
        return probe
          ? [containerPatch(workload, container, { [field]: probe })]
          : [];
      });
      const noPort =
        portless.length > 0
          ? ` Container ${listNames(
              portless.map(c => asNonEmptyString(c.name) ?? '(unnamed)'),
            )} declares no port and has no other probe: declare the port it serves under \`ports\`, or give it an \`exec\` probe that runs a health command.`
          : '';
      return fail(
        `Container ${listNames(missing)} has no ${wording.noun}, ${
          wording.harm
        }.`,
        `${wording.advice}.${noPort}${
          patches.length > 0 ? `\n\n${yamlBlock(patches)}` : ''
        }`,
      );
    },
  });
}
