import { deployment, hpa, resultOf } from './__fixtures__/objects';

const requests = 'spec.template.spec.containers.0.resources';
const noCpu = { [requests]: { requests: { memory: '1Gi' } } };
const metric = (
  name: string,
  target: object = { type: 'Utilization', averageUtilization: 70 },
) => ({
  type: 'Resource',
  resource: { name, target },
});

describe('hpa-requests', () => {
  it.each([
    [
      'cpu utilization with a cpu request',
      {},
      { 'spec.metrics': [metric('cpu')] },
      'pass',
    ],
    [
      'cpu utilization without a cpu request',
      noCpu,
      { 'spec.metrics': [metric('cpu')] },
      'fail',
    ],
    [
      'memory utilization with a memory request',
      noCpu,
      { 'spec.metrics': [metric('memory')] },
      'pass',
    ],
    ['v2 without metrics (cpu)', noCpu, { 'spec.metrics': undefined }, 'fail'],
    [
      'autoscaling/v1 (cpu)',
      noCpu,
      {
        apiVersion: 'autoscaling/v1',
        'spec.metrics': undefined,
        'spec.targetCPUUtilizationPercentage': 70,
      },
      'fail',
    ],
    [
      'an AverageValue target',
      noCpu,
      {
        'spec.metrics': [
          metric('cpu', { type: 'AverageValue', averageValue: '500m' }),
        ],
      },
      'not-applicable',
    ],
    [
      'only Pods metrics',
      noCpu,
      { 'spec.metrics': [{ type: 'Pods', pods: { metric: { name: 'rps' } } }] },
      'not-applicable',
    ],
    [
      'a ContainerResource metric on another container',
      noCpu,
      {
        'spec.metrics': [
          {
            type: 'ContainerResource',
            containerResource: {
              name: 'cpu',
              container: 'sidecar',
              target: { type: 'Utilization' },
            },
          },
        ],
      },
      'pass',
    ],
    [
      'a ContainerResource metric on this container',
      noCpu,
      {
        'spec.metrics': [
          {
            type: 'ContainerResource',
            containerResource: {
              name: 'cpu',
              container: 'api',
              target: { type: 'Utilization' },
            },
          },
        ],
      },
      'fail',
    ],
  ])('%s gives %s', (_, workloadPatch, hpaPatch, status) => {
    expect(
      resultOf([deployment(workloadPatch), hpa(hpaPatch)], 'hpa-requests')
        .status,
    ).toBe(status);
  });

  it('names the container and resource', () => {
    const result = resultOf([deployment(noCpu), hpa()], 'hpa-requests');
    expect(result.message).toContain('"api" (cpu)');
    expect(result.remediation).toContain('cpu: 100m');
  });

  it('is not applicable without an HPA', () => {
    expect(resultOf([deployment()], 'hpa-requests').status).toBe(
      'not-applicable',
    );
  });
});
