import { deployment, inputs, resultOf, service } from './__fixtures__/objects';
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
    expect(result.remediation).toContain('selector:');
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
