/*
 * Argo Rollouts as workloads (contract r3): judged as Deployments, with
 * the pod template inline or from the Deployment `workloadRef` names.
 */
import {
  compliantSet,
  deployment,
  hpa,
  reportOf,
  resultOf,
  rollout,
  service,
  withPatch,
} from '../checks/__fixtures__/objects';

const ROLLOUT = { kind: 'Rollout' };
const onRollout = {
  'spec.scaleTargetRef': {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: 'api',
  },
};

/** The Rollout's friends: the compliant set's, with the HPA on the Rollout. */
function rolloutSet(patch: Record<string, unknown> = {}) {
  return compliantSet({
    workloads: [rollout(patch)],
    autoscalers: [hpa(onRollout)],
  });
}

function statuses(objects: object[], kind: string) {
  const entry = reportOf(objects).workloads.find(w => w.kind === kind)!;
  return Object.fromEntries(entry.checks.map(c => [c.id, c.status]));
}

/** The Deployment as a Rollout's workloadRef: the Rollout has no template. */
const referencing = rollout({
  'spec.template': undefined,
  'spec.workloadRef': {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'api',
  },
});

describe('Rollouts', () => {
  it('judges an inline-template Rollout as the same Deployment', () => {
    const asDeployment = statuses(compliantSet(), 'Deployment');
    expect(statuses(rolloutSet(), 'Rollout')).toEqual(asDeployment);
    expect(Object.values(asDeployment)).not.toContain('fail');
  });

  it('ignores a Rollout of another API group and warns on another version', () => {
    const report = reportOf([
      rollout({ apiVersion: 'example.com/v1' }),
      rollout({ apiVersion: 'argoproj.io/v1beta1' }),
    ]);
    expect(report.workloads).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('argoproj.io/v1alpha1'),
      }),
    ]);
  });

  it.each([
    [
      'no strategy as canary defaults',
      { 'spec.strategy': undefined },
      'pass',
      'fail',
    ],
    [
      'canary defaults (25%)',
      { 'spec.strategy': { canary: {} } },
      'pass',
      'fail',
    ],
    [
      'a canary that takes every pod down',
      { 'spec.strategy': { canary: { maxUnavailable: '100%' } } },
      'fail',
      'fail',
    ],
    [
      'blueGreen',
      { 'spec.strategy': { blueGreen: { activeService: 'api' } } },
      'pass',
      'pass',
    ],
  ])('resolves %s', (_, patch, strategy, zeroUnavailable) => {
    const objects = [rollout({ 'spec.replicas': 4, ...patch })];
    expect(resultOf(objects, 'rollout-strategy', ROLLOUT).status).toBe(
      strategy,
    );
    expect(resultOf(objects, 'rollout-zero-unavailable', ROLLOUT).status).toBe(
      zeroUnavailable,
    );
  });

  it('fixes a canary under spec.strategy.canary', () => {
    const result = resultOf(
      [rollout({ 'spec.strategy': { canary: { maxUnavailable: 1 } } })],
      'rollout-zero-unavailable',
      ROLLOUT,
    );
    expect(result.remediation).toContain(
      '# Rollout "api": spec\nstrategy:\n  canary:\n    maxUnavailable: 0\n',
    );
    expect(result.remediation).not.toContain('maxSurge:');
  });

  it('reads the pod template of the Deployment workloadRef names, which is then no workload', () => {
    const objects = compliantSet({
      workloads: [referencing, deployment({ 'spec.replicas': 0 })],
      autoscalers: [hpa(onRollout)],
    });
    const report = reportOf(objects);
    expect(report.workloads.map(w => w.kind)).toEqual([
      'Rollout',
      'Service',
      'HorizontalPodAutoscaler',
    ]);
    expect(Object.values(statuses(objects, 'Rollout'))).not.toContain('fail');
    expect(
      resultOf(objects, 'service-selects-pods', { kind: 'Service' }).message,
    ).toContain('Rollout/api');
  });

  it('fixes the template in the Deployment it comes from', () => {
    const result = resultOf(
      [
        referencing,
        deployment({ 'spec.template.spec.priorityClassName': undefined }),
      ],
      'priority-class',
      ROLLOUT,
    );
    expect(result.remediation).toContain(
      '# Deployment "api": spec.template.spec',
    );
  });

  it('is unknown on every template check when the Deployment is absent, judging the rest', () => {
    const checks = reportOf([referencing]).workloads[0].checks;
    const judged = checks
      .filter(c => c.status === 'pass' || c.status === 'fail')
      .map(c => c.id);
    expect(judged.sort()).toEqual(
      [
        'hpa-present',
        'replicas-min',
        'replicas-recommended',
        'rollout-strategy',
        'rollout-zero-unavailable',
      ].sort(),
    );
    expect(checks.find(c => c.id === 'probe-readiness')).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining(
        'Deployment "api", which is not in the input',
      ),
    });
  });

  it('fails an autoscaler that targets the referenced Deployment instead of the Rollout', () => {
    const result = resultOf(
      [referencing, deployment(), hpa()],
      'hpa-target-exists',
      {
        kind: 'HorizontalPodAutoscaler',
      },
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('kind: Rollout');
  });

  it('counts live pods of its ReplicaSets and selects them by rollouts-pod-template-hash', () => {
    const live = rollout({ status: { readyReplicas: 3 } });
    const pod = (name: string, node: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'shop',
        labels: { app: 'api', 'rollouts-pod-template-hash': 'abc' },
        ownerReferences: [
          { kind: 'ReplicaSet', name: 'api-abc', controller: true },
        ],
      },
      spec: { nodeName: node },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    const objects = [
      live,
      pod('api-abc-1', 'a'),
      pod('api-abc-2', 'b'),
      withPatch(service(), {
        'spec.selector': { 'rollouts-pod-template-hash': 'abc', app: 'api' },
      }),
    ];
    expect(
      resultOf(objects, 'runtime-node-spread', { ...ROLLOUT, cluster: 'c' })
        .message,
    ).toBe('2 ready pods on 2 nodes.');
    expect(
      resultOf(objects, 'service-selects-pods', {
        kind: 'Service',
        cluster: 'c',
      }).status,
    ).toBe('pass');
  });
});
