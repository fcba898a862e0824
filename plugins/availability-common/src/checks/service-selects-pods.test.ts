import {
  daemonSet,
  deployment,
  inputs,
  resultOf,
  service,
  statefulSet,
} from './__fixtures__/objects';
import { evaluate } from '../engine/evaluate';

describe('service-selects-pods', () => {
  const onService = { kind: 'Service', name: 'api' };

  it('passes when the selector matches a pod template', () => {
    const result = resultOf(
      [deployment(), service()],
      'service-selects-pods',
      onService,
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('Deployment/api');
  });

  it.each([
    ['a selector matching no template', { 'spec.selector': { app: 'nope' } }],
    [
      'a selector with an extra label',
      { 'spec.selector': { app: 'api', tier: 'web' } },
    ],
    ['another namespace', { 'metadata.namespace': 'other' }],
  ])('fails with %s', (_, patch) => {
    const result = resultOf(
      [deployment(), service(patch)],
      'service-selects-pods',
      onService,
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('spec.selector');
  });

  it.each([
    ['without a selector', { 'spec.selector': undefined }],
    ['with an empty selector', { 'spec.selector': {} }],
    ['of type ExternalName', { 'spec.type': 'ExternalName' }],
  ])('is not applicable %s', (_, patch) => {
    expect(
      resultOf([service(patch)], 'service-selects-pods', onService).status,
    ).toBe('not-applicable');
  });

  it('does not match a workload of another cluster', () => {
    const report = evaluate([
      ...inputs([deployment()], 'a'),
      ...inputs([service()], 'b'),
    ]);
    const entry = report.workloads.find(w => w.kind === 'Service');
    expect(entry?.cluster).toBe('b');
    expect(entry?.checks.map(c => [c.id, c.status])).toEqual([
      ['service-selects-pods', 'fail'],
    ]);
  });
});

describe('service-selects-pods and what controllers add (r3)', () => {
  it.each([
    ['statefulset.kubernetes.io/pod-name', 'db-0', statefulSet()],
    ['apps.kubernetes.io/pod-index', '0', statefulSet()],
    ['controller-revision-hash', 'db-5d8f', statefulSet()],
    ['controller-revision-hash', 'x', daemonSet()],
    ['pod-template-hash', '5d8f', deployment()],
  ])(
    'matches %s on the pods of the workload kind that adds it',
    (key, value, workload) => {
      const labels = (workload.spec as any).template.metadata.labels;
      const result = resultOf(
        [workload, service({ 'spec.selector': { ...labels, [key]: value } })],
        'service-selects-pods',
        { kind: 'Service' },
      );
      expect(result.status).toBe('pass');
    },
  );

  it('does not match a controller label on another kind', () => {
    expect(
      resultOf(
        [
          deployment(),
          service({
            'spec.selector': {
              app: 'api',
              'statefulset.kubernetes.io/pod-name': 'api-0',
            },
          }),
        ],
        'service-selects-pods',
        { kind: 'Service' },
      ).status,
    ).toBe('fail');
  });

  it("is unknown when the namespace has custom resources (an operator's pods)", () => {
    const prometheus = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'Prometheus',
      metadata: { name: 'k8s', namespace: 'shop' },
    };
    expect(
      resultOf(
        [service({ 'spec.selector': { app: 'prometheus' } }), prometheus],
        'service-selects-pods',
        {
          kind: 'Service',
        },
      ).status,
    ).toBe('unknown');
  });

  it.each([
    [
      'a CustomResourceDefinition',
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'x' },
      },
    ],
    [
      'a Kubernetes API group',
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'x', namespace: 'shop' },
      },
    ],
    [
      'a custom resource of another namespace',
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'Prometheus',
        metadata: { name: 'x', namespace: 'other' },
      },
    ],
  ])('still fails beside %s', (_, other) => {
    expect(
      resultOf(
        [service({ 'spec.selector': { app: 'prometheus' } }), other],
        'service-selects-pods',
        {
          kind: 'Service',
        },
      ).status,
    ).toBe('fail');
  });

  it('passes on a cluster when a live pod of the namespace matches', () => {
    const livePod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'prometheus-0',
        namespace: 'shop',
        labels: { app: 'prometheus' },
        ownerReferences: [
          { kind: 'StatefulSet', name: 'prometheus', controller: true },
        ],
      },
    };
    expect(
      resultOf(
        [service({ 'spec.selector': { app: 'prometheus' } }), livePod],
        'service-selects-pods',
        {
          kind: 'Service',
          cluster: 'prod',
        },
      ).status,
    ).toBe('pass');
  });

  it('names the Service to change in the fix', () => {
    const result = resultOf(
      [service({ 'spec.selector': { app: 'nope' } })],
      'service-selects-pods',
      { kind: 'Service' },
    );
    expect(result.remediation).toContain('In Service "api" (namespace "shop")');
  });
});
