import type { IngestedObject } from './ingest';
import type { Autoscaler, AutoscalerKind, ScaledResource } from './model';
import { ownerOf } from './ownership';
import {
  asInt,
  asNonEmptyString,
  asRecord,
  describeValue,
  Dict,
  records,
  stringMap,
} from './read';

/** The label KEDA puts on the HPA it makes for a ScaledObject. */
const KEDA_NAME_LABEL = 'scaledobject.keda.sh/name';

/** A bound of an autoscaler: its field, or the default when absent. */
function bound(
  spec: Dict,
  field: string,
  fallback: number | undefined,
): Autoscaler['min'] {
  const raw = spec[field];
  if ((raw === undefined || raw === null) && fallback !== undefined) {
    return { value: fallback };
  }
  const value = asInt(raw);
  return value !== undefined && value >= 0
    ? { value }
    : { problem: `${field} (${describeValue(raw)}) is not a whole number` };
}

/**
 * An HPA or a ScaledObject in the terms of the HPA rows.
 *
 * @internal
 */
export function toAutoscaler(
  entry: IngestedObject,
  kind: AutoscalerKind,
): Autoscaler {
  const spec = asRecord(entry.object.spec) ?? {};
  const ref = asRecord(spec.scaleTargetRef);
  const keda = kind === 'ScaledObject';
  const fields = keda
    ? { min: 'minReplicaCount', max: 'maxReplicaCount' }
    : { min: 'minReplicas', max: 'maxReplicas' };
  return {
    kind,
    object: entry.object,
    name: entry.name,
    namespace: entry.namespace,
    cluster: entry.cluster,
    source: entry.source,
    annotations: stringMap(entry.metadata.annotations),
    targetKind:
      asNonEmptyString(ref?.kind) ?? (keda ? 'Deployment' : undefined),
    targetName: asNonEmptyString(ref?.name),
    fields,
    min: bound(spec, fields.min, keda ? 0 : 1),
    max: bound(spec, fields.max, keda ? 100 : undefined),
    resources: keda
      ? triggerResources(spec)
      : metricResources(spec, entry.object.apiVersion),
    status: keda ? undefined : asRecord(entry.object.status),
  };
}

/**
 * The ScaledObject an HPA was made by (KEDA owns it and labels it with the
 * ScaledObject's name), or undefined for an HPA of its own.
 *
 * @internal
 */
export function kedaOwnerOf(entry: IngestedObject): string | undefined {
  const owner = ownerOf(entry.metadata);
  if (owner?.kind === 'ScaledObject') {
    return owner.name;
  }
  return stringMap(entry.metadata.labels)[KEDA_NAME_LABEL];
}

/**
 * The resources an HPA computes utilization of: autoscaling/v1 and a v2 HPA
 * without metrics scale on CPU; v2 `Resource` (and `ContainerResource`)
 * metrics with a `Utilization` target name theirs. `AverageValue` targets
 * do not divide by the request, so they need none.
 */
function metricResources(spec: Dict, apiVersion: unknown): ScaledResource[] {
  if (
    apiVersion === 'autoscaling/v1' ||
    spec.targetCPUUtilizationPercentage !== undefined ||
    spec.metrics === undefined ||
    spec.metrics === null
  ) {
    return [{ resource: 'cpu' }];
  }
  return records(spec.metrics).flatMap(metric => {
    const container = metric.type === 'ContainerResource';
    const source = asRecord(
      container ? metric.containerResource : metric.resource,
    );
    const resource = asNonEmptyString(source?.name);
    const target = asRecord(source?.target)?.type;
    if (
      (metric.type !== 'Resource' && !container) ||
      !resource ||
      (target !== undefined && target !== 'Utilization')
    ) {
      return [];
    }
    return [
      {
        resource,
        container: container ? asNonEmptyString(source?.container) : undefined,
      },
    ];
  });
}

/**
 * The resources a ScaledObject's `cpu` and `memory` triggers compute
 * utilization of (`metricType`, or the older `metadata.type`, defaults to
 * Utilization).
 */
function triggerResources(spec: Dict): ScaledResource[] {
  return records(spec.triggers).flatMap(trigger => {
    const resource = trigger.type;
    const metadata = asRecord(trigger.metadata);
    const target = trigger.metricType ?? metadata?.type ?? 'Utilization';
    if (
      (resource !== 'cpu' && resource !== 'memory') ||
      target !== 'Utilization'
    ) {
      return [];
    }
    return [{ resource, container: asNonEmptyString(metadata?.containerName) }];
  });
}

/**
 * `HorizontalPodAutoscaler "api"`, for messages.
 *
 * @internal
 */
export function describeAutoscaler(autoscaler: Autoscaler): string {
  return `${autoscaler.kind} "${autoscaler.name}"`;
}

/**
 * A maximum that leaves an autoscaler room above `min`.
 *
 * @internal
 */
export function roomAbove(min: number): number {
  return Math.max(min * 2, min + 2);
}

/** The apiVersion of each kind an autoscaler may scale. */
const SCALED_API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  Rollout: 'argoproj.io/v1alpha1',
};

/**
 * The `scaleTargetRef` that names a workload, for remediations.
 *
 * @internal
 */
export function scaleTargetRefOf(workload: { kind: string; name: string }) {
  return {
    apiVersion: SCALED_API_VERSIONS[workload.kind] ?? 'apps/v1',
    kind: workload.kind,
    name: workload.name,
  };
}
