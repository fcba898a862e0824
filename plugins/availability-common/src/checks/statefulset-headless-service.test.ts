import {
  deployment,
  resultOf,
  service,
  statefulSet,
} from './__fixtures__/objects';

const headless = (patch: Record<string, unknown> = {}) =>
  service({
    'metadata.name': 'db',
    spec: { clusterIP: 'None', selector: { app: 'db' } },
    ...patch,
  });
const onSts = { kind: 'StatefulSet' };

describe('statefulset-headless-service', () => {
  it('passes with a headless Service selecting the pods', () => {
    expect(
      resultOf(
        [statefulSet(), headless()],
        'statefulset-headless-service',
        onSts,
      ).status,
    ).toBe('pass');
  });

  it.each([
    ['not headless', { 'spec.clusterIP': '10.0.0.1' }],
    ['selecting other pods', { 'spec.selector': { app: 'web' } }],
    ['without a selector', { 'spec.selector': undefined }],
  ])('fails when the Service is %s', (_, patch) => {
    const result = resultOf(
      [statefulSet(), headless(patch)],
      'statefulset-headless-service',
      onSts,
    );
    expect(result.status).toBe('fail');
    expect(result.remediation).toContain('clusterIP: None');
  });

  it('fails without spec.serviceName', () => {
    const result = resultOf(
      [statefulSet({ 'spec.serviceName': undefined })],
      'statefulset-headless-service',
      onSts,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('spec.serviceName');
  });

  it.each([
    ['no Service', []],
    [
      'a Service of that name in another namespace',
      [headless({ 'metadata.namespace': 'other' })],
    ],
  ])('is unknown with %s in the input', (_, extra) => {
    expect(
      resultOf([statefulSet(), ...extra], 'statefulset-headless-service', onSts)
        .status,
    ).toBe('unknown');
  });

  it('only applies to StatefulSets', () => {
    expect(
      resultOf([deployment()], 'statefulset-headless-service').status,
    ).toBe('not-applicable');
  });
});
