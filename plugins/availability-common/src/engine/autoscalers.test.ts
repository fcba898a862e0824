/*
 * KEDA ScaledObjects as autoscalers (contract r3): their bounds, triggers
 * and the HPA KEDA makes for them, and several autoscalers on a workload.
 */
import {
  compliantSet,
  deployment,
  hpa,
  reportOf,
  resultOf,
  scaledObject,
} from '../checks/__fixtures__/objects';

/** The HPA KEDA makes for ScaledObject "api" on a cluster. */
const kedaHpa = (status: Record<string, unknown>) =>
  hpa({
    'metadata.name': 'keda-hpa-api',
    'metadata.labels': { 'scaledobject.keda.sh/name': 'api' },
    'metadata.ownerReferences': [
      { kind: 'ScaledObject', name: 'api', controller: true },
    ],
    'spec.minReplicas': 1,
    status,
  });

describe('ScaledObjects', () => {
  it('count as the HPA for every HPA row', () => {
    const objects = compliantSet({ autoscalers: [scaledObject()] });
    for (const id of [
      'hpa-present',
      'hpa-min-replicas',
      'hpa-range',
      'hpa-requests',
    ]) {
      expect([id, resultOf(objects, id).status]).toEqual([id, 'pass']);
    }
    expect(resultOf(objects, 'replicas-min').message).toBe(
      '3 replicas (ScaledObject minReplicaCount).',
    );
  });

  it('default to 0 to 100 replicas: replicas-min fails and the rollout rows do not apply', () => {
    const objects = [
      deployment(),
      scaledObject({
        'spec.minReplicaCount': undefined,
        'spec.maxReplicaCount': undefined,
      }),
    ];
    expect(resultOf(objects, 'replicas-min').status).toBe('fail');
    expect(resultOf(objects, 'hpa-range').message).toBe(
      'Scales between 0 and 100 replicas.',
    );
    expect(resultOf(objects, 'rollout-strategy').status).toBe('not-applicable');
    expect(resultOf(objects, 'rollout-zero-unavailable').status).toBe(
      'not-applicable',
    );
    expect(resultOf(objects, 'hpa-min-replicas').remediation).toContain(
      '# ScaledObject "api": spec\nminReplicaCount: 2\n',
    );
  });

  it.each([
    ['a cpu trigger', [{ type: 'cpu', metadata: { value: '60' } }], 'fail'],
    [
      'an AverageValue memory trigger',
      [
        {
          type: 'memory',
          metricType: 'AverageValue',
          metadata: { value: '1Gi' },
        },
      ],
      'not-applicable',
    ],
    [
      'an older metadata.type AverageValue',
      [{ type: 'cpu', metadata: { type: 'AverageValue', value: '1' } }],
      'not-applicable',
    ],
    [
      'a queue trigger only',
      [{ type: 'rabbitmq', metadata: { queueName: 'jobs' } }],
      'not-applicable',
    ],
    [
      'a cpu trigger on another container',
      [{ type: 'cpu', metadata: { value: '60', containerName: 'sidecar' } }],
      'pass',
    ],
  ])('reads %s for hpa-requests', (_, triggers, status) => {
    const objects = [
      deployment({ 'spec.template.spec.containers.0.resources': undefined }),
      scaledObject({ 'spec.triggers': triggers }),
    ];
    expect(resultOf(objects, 'hpa-requests').status).toBe(status);
  });

  it('are one autoscaler with the HPA KEDA makes for them, which gives its status', () => {
    const objects = compliantSet({
      autoscalers: [
        scaledObject({ 'spec.maxReplicaCount': 4 }),
        kedaHpa({ currentReplicas: 4 }),
      ],
    });
    const kinds = reportOf(objects, 'prod').workloads.map(w => w.kind);
    expect(kinds).toEqual(['Deployment', 'Service', 'ScaledObject']);
    // The ScaledObject's minimum counts, not the HPA's 1.
    expect(resultOf(objects, 'replicas-min', { cluster: 'prod' }).status).toBe(
      'pass',
    );
    expect(
      resultOf(objects, 'runtime-hpa-headroom', { cluster: 'prod' }),
    ).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(
        'ScaledObject "api" runs at its maximum (4 of 4',
      ),
    });
  });

  it("keeps KEDA's HPA as an autoscaler of its own when its ScaledObject is not in the input", () => {
    const kinds = reportOf([deployment(), kedaHpa({})]).workloads.map(
      w => w.kind,
    );
    expect(kinds).toEqual(['Deployment', 'HorizontalPodAutoscaler']);
  });

  it('take the lowest minimum when several autoscalers target a workload', () => {
    const objects = [
      deployment(),
      hpa(),
      scaledObject({ 'metadata.name': 'api-queue', 'spec.minReplicaCount': 1 }),
    ];
    expect(resultOf(objects, 'replicas-min')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('(ScaledObject minReplicaCount)'),
    });
    expect(resultOf(objects, 'replicas-min').remediation).toContain(
      '# ScaledObject "api-queue": spec',
    );
  });

  it('are evaluated only as keda.sh/v1alpha1', () => {
    const report = reportOf([
      deployment(),
      scaledObject({ apiVersion: 'keda.sh/v1beta1' }),
    ]);
    expect(report.workloads.map(w => w.kind)).toEqual(['Deployment']);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('keda.sh/v1alpha1'),
      }),
    ]);
  });

  it('leave the compliant set as it was', () => {
    expect(reportOf(compliantSet()).score).toBe(100);
  });
});
