type Json = Record<string, any>;

function findCpuUtilization(metrics: Json[] | undefined): number | undefined {
  const cpu = (metrics ?? []).find(
    m => m?.type === 'Resource' && m.resource?.name === 'cpu',
  );
  return cpu?.resource?.target?.averageUtilization;
}

function hpaV2ToV1(hpa: Json): Json {
  const { metrics, behavior, ...spec } = hpa.spec ?? {};
  const target = findCpuUtilization(metrics);
  const status = hpa.status ?? {};
  const currentCpu = (status.currentMetrics ?? []).find(
    (m: Json) => m?.type === 'Resource' && m.resource?.name === 'cpu',
  )?.resource?.current?.averageUtilization;
  return {
    ...hpa,
    apiVersion: 'autoscaling/v1',
    spec: {
      ...spec,
      ...(target !== undefined && { targetCPUUtilizationPercentage: target }),
    },
    status: {
      ...(status.observedGeneration !== undefined && {
        observedGeneration: status.observedGeneration,
      }),
      ...(status.lastScaleTime && { lastScaleTime: status.lastScaleTime }),
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      ...(currentCpu !== undefined && {
        currentCPUUtilizationPercentage: currentCpu,
      }),
    },
  };
}

function hpaV1ToV2(hpa: Json): Json {
  const { targetCPUUtilizationPercentage, ...spec } = hpa.spec ?? {};
  const { currentCPUUtilizationPercentage, ...status } = hpa.status ?? {};
  const cpuMetric = (utilization: number, field: 'target' | 'current') => ({
    type: 'Resource',
    resource: {
      name: 'cpu',
      [field]:
        field === 'target'
          ? { type: 'Utilization', averageUtilization: utilization }
          : { averageUtilization: utilization },
    },
  });
  return {
    ...hpa,
    apiVersion: 'autoscaling/v2',
    spec: {
      ...spec,
      // autoscaling/v1 always scales on cpu, 80% unless told otherwise.
      metrics: [cpuMetric(targetCPUUtilizationPercentage ?? 80, 'target')],
    },
    ...(hpa.status && {
      status: {
        ...status,
        ...(currentCPUUtilizationPercentage !== undefined && {
          currentMetrics: [
            cpuMetric(currentCPUUtilizationPercentage, 'current'),
          ],
        }),
      },
    }),
  };
}

/**
 * Converts an object between served versions of its resource. Only
 * HorizontalPodAutoscalers are served in more than one version.
 *
 * @internal
 */
export function convertObject(object: Json, toApiVersion: string): Json {
  if (object.apiVersion === toApiVersion) {
    return object;
  }
  if (object.kind === 'HorizontalPodAutoscaler') {
    if (toApiVersion === 'autoscaling/v1') {
      return hpaV2ToV1(
        object.apiVersion === 'autoscaling/v1' ? hpaV1ToV2(object) : object,
      );
    }
    if (toApiVersion === 'autoscaling/v2') {
      return object.apiVersion === 'autoscaling/v1'
        ? hpaV1ToV2(object)
        : { ...object, apiVersion: 'autoscaling/v2' };
    }
  }
  return { ...object, apiVersion: toApiVersion };
}
