import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { containerName } from '../engine/containers';
import { fail, NO_HPA, notApplicable, pass } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records } from '../engine/read';
import { requestsResource } from '../engine/resources';

/** A resource the HPA computes utilization of, optionally for one container. */
interface ScaledResource {
  resource: string;
  container?: string;
}

const NO_RESOURCE_METRIC = notApplicable(
  'The HPA does not scale on resource utilization.',
);

/** @internal */
export const hpaRequests: WorkloadCheck = {
  id: 'hpa-requests',
  title: 'Requests for what the HPA scales on',
  description:
    'An HPA scaling on CPU or memory utilization divides usage by the request. Without a request it cannot compute utilization and never scales.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ hpa, workload }) {
    if (!hpa) {
      return NO_HPA;
    }
    const scaled = scaledResources(
      asRecord(hpa.spec) ?? {},
      asRecord(hpa)?.apiVersion,
    );
    if (scaled.length === 0) {
      return NO_RESOURCE_METRIC;
    }
    const gaps: string[] = [];
    workload.containers.forEach((container, i) => {
      const name = containerName(container, i);
      for (const { resource, container: only } of scaled) {
        if (
          (only === undefined || only === name) &&
          !requestsResource(container, resource)
        ) {
          gaps.push(`"${name}" (${resource})`);
        }
      }
    });
    const names =
      scaled.length === 1
        ? scaled[0].resource
        : [...new Set(scaled.map(s => s.resource))].join(' and ');
    if (gaps.length === 0) {
      return pass(`Every container requests the ${names} the HPA scales on.`);
    }
    return fail(
      `The HPA scales on ${names} utilization, but ${[...new Set(gaps)].join(
        '; ',
      )} has no request, so the HPA cannot compute utilization and will not scale.`,
      `\`\`\`yaml\nresources:\n  requests:\n${[
        ...new Set(scaled.map(s => s.resource)),
      ]
        .map(r => `    ${r}: ${r === 'cpu' ? '100m' : '256Mi'}`)
        .join('\n')}\n\`\`\``,
    );
  },
};

/**
 * The resources an HPA computes utilization of: autoscaling/v1 and a v2 HPA
 * without metrics scale on CPU; v2 `Resource` (and `ContainerResource`)
 * metrics with a `Utilization` target name theirs. `AverageValue` targets
 * do not divide by the request, so they need none.
 */
function scaledResources(
  spec: Record<string, unknown>,
  apiVersion: unknown,
): ScaledResource[] {
  if (
    apiVersion === 'autoscaling/v1' ||
    spec.targetCPUUtilizationPercentage !== undefined
  ) {
    return [{ resource: 'cpu' }];
  }
  if (spec.metrics === undefined || spec.metrics === null) {
    return [{ resource: 'cpu' }];
  }
  return records(spec.metrics).flatMap(metric => {
    const type = metric.type;
    let source: Record<string, unknown> | undefined;
    if (type === 'Resource') {
      source = asRecord(metric.resource);
    } else if (type === 'ContainerResource') {
      source = asRecord(metric.containerResource);
    }
    const resource = asNonEmptyString(source?.name);
    const target = asRecord(source?.target);
    if (
      !source ||
      !resource ||
      (target?.type !== undefined && target.type !== 'Utilization')
    ) {
      return [];
    }
    return [
      {
        resource,
        container:
          type === 'ContainerResource'
            ? asNonEmptyString(source.container)
            : undefined,
      },
    ];
  });
}
