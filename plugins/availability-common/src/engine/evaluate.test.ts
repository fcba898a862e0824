import { evaluate } from './evaluate';
import {
  compliantSet,
  deployment,
  inputs,
  pod,
  resultOf,
  service,
} from '../checks/__fixtures__/objects';
import { checkCatalog } from '../checks';

const exempt = (ids: string, extra: Record<string, string> = {}) => ({
  'metadata.annotations': {
    'availability.backstage.io/exempt': ids,
    ...extra,
  },
});

describe('evaluate', () => {
  it('reports workloads, then Services, then autoscalers, with scores and no errors', () => {
    const report = evaluate(inputs(compliantSet()));
    expect(report.errors).toEqual([]);
    expect(report.workloads.map(w => [w.kind, w.namespace, w.name])).toEqual([
      ['Deployment', 'shop', 'api'],
      ['Service', 'shop', 'api'],
      ['HorizontalPodAutoscaler', 'shop', 'api'],
    ]);
    const [workload, svc, autoscaler] = report.workloads;
    expect(workload).not.toHaveProperty('cluster');
    expect(workload).not.toHaveProperty('source');
    expect(svc.checks.map(c => c.id)).toEqual(['service-selects-pods']);
    expect(autoscaler.checks.map(c => c.id)).toEqual(['hpa-target-exists']);
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.score).toBeLessThanOrEqual(100);
  });

  it('gives every workload a result for every workload check, in catalog order', () => {
    const report = evaluate(inputs([deployment()]));
    const workloadIds = checkCatalog
      .filter(
        c =>
          c.category !== 'dockerfile' &&
          c.id !== 'service-selects-pods' &&
          c.id !== 'hpa-target-exists',
      )
      .map(c => c.id);
    expect(report.workloads[0].checks.map(c => c.id)).toEqual(workloadIds);
  });

  it('carries cluster and source through', () => {
    const report = evaluate([
      {
        object: deployment() as never,
        cluster: 'prod-eu',
        source: { path: 'k8s/a.yaml', line: 3 },
      },
    ]);
    expect(report.workloads[0]).toMatchObject({
      cluster: 'prod-eu',
      source: { path: 'k8s/a.yaml', line: 3 },
    });
  });

  it('makes runtime checks unknown on manifests', () => {
    const runtime = evaluate(inputs([deployment()])).workloads[0].checks.filter(
      c => c.id.startsWith('runtime-'),
    );
    expect(runtime.length).toBeGreaterThan(0);
    expect(runtime.every(c => c.status === 'unknown')).toBe(true);
  });

  it('defaults the namespace and reads apps/v1 kinds only', () => {
    const report = evaluate(
      inputs([
        deployment({ 'metadata.namespace': undefined }),
        deployment({ apiVersion: 'example.com/v1', 'metadata.name': 'crd' }),
        { kind: 'ConfigMap', metadata: { name: 'x' } },
      ]),
    );
    expect(report.workloads.map(w => `${w.namespace}/${w.name}`)).toEqual([
      'default/api',
    ]);
  });

  it('expands List objects', () => {
    const report = evaluate(
      inputs([
        { apiVersion: 'v1', kind: 'List', items: [deployment(), service()] },
      ]),
    );
    expect(report.workloads.map(w => w.kind)).toEqual([
      'Deployment',
      'Service',
    ]);
  });

  it('never relates objects of different clusters or of manifests and clusters', () => {
    const hpaOnOtherCluster = [
      ...inputs([deployment({ 'spec.replicas': 1 })], 'a'),
      ...inputs(
        [
          {
            apiVersion: 'autoscaling/v2',
            kind: 'HorizontalPodAutoscaler',
            metadata: { name: 'api', namespace: 'shop' },
            spec: {
              scaleTargetRef: { kind: 'Deployment', name: 'api' },
              minReplicas: 3,
              maxReplicas: 5,
            },
          },
        ],
        'b',
      ),
    ];
    const checks = evaluate(hpaOnOtherCluster).workloads[0].checks;
    expect(checks.find(c => c.id === 'replicas-min')?.status).toBe('fail');
  });

  describe('config', () => {
    it('drops disabled checks and overrides severities', () => {
      const report = evaluate(inputs([deployment({ 'spec.replicas': 1 })]), {
        config: {
          checks: {
            'probe-readiness': { enabled: false },
            'replicas-min': { severity: 'low' },
          },
        },
      });
      const checks = report.workloads[0].checks;
      expect(checks.find(c => c.id === 'probe-readiness')).toBeUndefined();
      expect(checks.find(c => c.id === 'replicas-min')?.severity).toBe('low');
    });

    it('waives kube-system by default, and not when exemptions are replaced', () => {
      const system = deployment({
        'metadata.namespace': 'kube-system',
        'spec.replicas': 1,
      });
      expect(resultOf([system], 'replicas-min')).toMatchObject({
        status: 'exempt',
        reason: expect.stringContaining('kube-system'),
      });
      expect(
        resultOf([system], 'replicas-min', {}, { config: { exemptions: [] } })
          .status,
      ).toBe('fail');
    });
  });

  describe('exemptions', () => {
    const now = new Date('2025-06-15T23:59:00Z');

    it('turns a failing check into exempt with the reason', () => {
      const object = deployment({
        'spec.replicas': 1,
        ...exempt('probe-readiness, replicas-min', {
          'availability.backstage.io/exempt-reason':
            'Batch job, downtime is fine',
        }),
      });
      const result = resultOf([object], 'replicas-min');
      expect(result).toMatchObject({
        status: 'exempt',
        reason: 'Batch job, downtime is fine',
        severity: 'critical',
      });
      expect(result.remediation).toEqual(expect.any(String));
    });

    it('leaves passing and not-applicable checks alone', () => {
      const object = deployment(exempt('replicas-min,pod-controller'));
      expect(resultOf([object], 'replicas-min')).toMatchObject({
        status: 'pass',
        reason: null,
      });
      expect(resultOf([object], 'pod-controller').status).toBe(
        'not-applicable',
      );
    });

    it('says whether an exemption lives on the object, the entity or in config', () => {
      const object = deployment({ 'spec.replicas': 1 });
      expect(
        resultOf(
          [deployment({ 'spec.replicas': 1, ...exempt('replicas-min') })],
          'replicas-min',
        ).exemptedBy,
      ).toBe('object');
      expect(
        resultOf(
          [object],
          'replicas-min',
          {},
          {
            entityAnnotations: {
              'availability.backstage.io/exempt': 'replicas-min',
            },
          },
        ).exemptedBy,
      ).toBe('entity');
      expect(
        resultOf(
          [object],
          'replicas-min',
          {},
          {
            config: { exemptions: [{ checks: ['replicas-min'], reason: 'x' }] },
          },
        ).exemptedBy,
      ).toBe('config');
    });

    it('gives a default reason naming the object', () => {
      const result = resultOf(
        [deployment({ 'spec.replicas': 1, ...exempt('replicas-min') })],
        'replicas-min',
      );
      expect(result.reason).toContain('Deployment "api"');
    });

    it.each([
      ['2025-06-15', 'exempt', '2025-06-15'],
      ['2025-06-16', 'exempt', '2025-06-16'],
      ['2025-06-15T00:00:00Z', 'exempt', '2025-06-15'],
    ])('until %s is still active (inclusive, UTC)', (until, status, shown) => {
      const object = deployment({
        'spec.replicas': 1,
        ...exempt('replicas-min', {
          'availability.backstage.io/exempt-until': until,
        }),
      });
      const result = resultOf([object], 'replicas-min', {}, { now });
      expect(result).toMatchObject({ status, until: shown });
    });

    it('lapses the day after until and says so', () => {
      const object = deployment({
        'spec.replicas': 1,
        ...exempt('replicas-min', {
          'availability.backstage.io/exempt-until': '2025-06-14',
        }),
      });
      const result = resultOf([object], 'replicas-min', {}, { now });
      expect(result.status).toBe('fail');
      expect(result.message).toContain('expired on 2025-06-14');
      expect(result).not.toHaveProperty('until');
    });

    it.each(['soon', '2025-02-30', '15/06/2025'])(
      'treats until %p as lapsed and says so',
      until => {
        const object = deployment({
          'spec.replicas': 1,
          ...exempt('replicas-min', {
            'availability.backstage.io/exempt-until': until,
          }),
        });
        const result = resultOf([object], 'replicas-min', {}, { now });
        expect(result.status).toBe('fail');
        expect(result.message).toContain(
          `"${until}" that is not a valid ISO date`,
        );
      },
    );

    it('applies entity annotations to all workloads', () => {
      const result = resultOf(
        [pod()],
        'pod-controller',
        { kind: 'Pod' },
        {
          entityAnnotations: {
            'availability.backstage.io/exempt': 'pod-controller',
          },
        },
      );
      expect(result.status).toBe('exempt');
      expect(result.reason).toContain('catalog entity');
    });

    it('falls back to another exemption when one has lapsed', () => {
      const object = deployment({
        'spec.replicas': 1,
        ...exempt('replicas-min', {
          'availability.backstage.io/exempt-until': '2020-01-01',
        }),
      });
      const result = resultOf(
        [object],
        'replicas-min',
        {},
        {
          now,
          entityAnnotations: {
            'availability.backstage.io/exempt': 'replicas-min',
          },
        },
      );
      expect(result.status).toBe('exempt');
    });

    it.each([
      [{ names: ['ap*'] }, 'exempt'],
      [{ names: ['a?i'] }, 'exempt'],
      [{ names: ['web-*'] }, 'fail'],
      [{ namespaces: ['shop'] }, 'exempt'],
      [{ namespaces: ['other'] }, 'fail'],
      [{ checks: ['probe-liveness'] }, 'fail'],
      [{ checks: ['replicas-min'], until: '2025-06-15' }, 'exempt'],
      [{ checks: ['replicas-min'], until: '2025-06-01' }, 'fail'],
    ])('config exemption %p gives %s', (exemption, status) => {
      const result = resultOf(
        [deployment({ 'spec.replicas': 1 })],
        'replicas-min',
        {},
        {
          now,
          config: {
            exemptions: [{ reason: 'Waived by platform', ...exemption }],
          },
        },
      );
      expect(result.status).toBe(status);
      expect(result.reason).toBe(
        status === 'exempt' ? 'Waived by platform' : null,
      );
    });

    it('exempts Services by annotation', () => {
      const result = resultOf(
        [
          service({
            'spec.selector': { app: 'nope' },
            ...exempt('service-selects-pods'),
          }),
        ],
        'service-selects-pods',
        { kind: 'Service' },
      );
      expect(result.status).toBe('exempt');
    });
  });

  it('keeps results of equal outcomes apart where an exemption applies', () => {
    const empty = { 'spec.template.spec.containers': [] };
    const report = evaluate(
      inputs([
        deployment({ 'metadata.name': 'a', ...empty }),
        deployment({
          'metadata.name': 'b',
          ...empty,
          ...exempt('probe-readiness'),
        }),
        deployment({ 'metadata.name': 'c', ...empty }),
      ]),
    );
    const readiness = report.workloads.map(
      w => w.checks.find(c => c.id === 'probe-readiness')!,
    );
    expect(readiness.map(r => r.status)).toEqual(['fail', 'exempt', 'fail']);
    expect(readiness[0]).toEqual(readiness[2]);
    expect(readiness[0].message).toBe('The pod template has no containers.');
    // Results shared between entries cannot be changed by accident.
    expect(() => {
      (readiness[0] as { status: string }).status = 'pass';
    }).toThrow(TypeError);
    expect(readiness[2].status).toBe('fail');
  });
});

describe('warnings (r3)', () => {
  const at = (object: object, line: number) => ({
    object: object as never,
    source: { path: 'k8s/legacy.yaml', line },
  });

  it.each([
    ['extensions/v1beta1', 'DaemonSet', '1.16'],
    ['apps/v1beta2', 'Deployment', '1.16'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26'],
    ['policy/v1beta1', 'PodDisruptionBudget', '1.25'],
  ])('lists %s %s as not evaluated', (apiVersion, kind, removed) => {
    const report = evaluate([
      at({ apiVersion, kind, metadata: { name: 'old' } }, 7),
    ]);
    expect(report.workloads).toEqual([]);
    expect(report.warnings).toEqual([
      {
        source: 'k8s/legacy.yaml',
        line: 7,
        message: `${apiVersion} ${kind} is not served since Kubernetes ${removed}: not evaluated`,
      },
    ]);
  });

  it('names the versions it evaluates for another version of a known group', () => {
    const report = evaluate([
      at({ apiVersion: 'apps/v2', kind: 'StatefulSet', metadata: {} }, 1),
    ]);
    expect(report.warnings?.[0].message).toBe(
      'apps/v2 StatefulSet is not an API version the checks evaluate (apps/v1): not evaluated',
    );
  });

  it('stays empty for evaluated versions, other kinds and absent versions', () => {
    const report = evaluate([
      at({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {} }, 1),
      at({ kind: 'Deployment', metadata: { name: 'b' } }, 2),
      at({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: {} }, 3),
      at({ apiVersion: 'extensions/v1beta1', kind: 'Ingress' }, 4),
    ]);
    expect(report.warnings).toEqual([]);
    expect(report.workloads).toHaveLength(2);
  });
});
