import {
  daemonSet,
  deployment,
  inputs,
  pod,
  resultOf,
  statefulSet,
} from './__fixtures__/objects';
import { evaluate } from '../engine/evaluate';

describe('pod-controller', () => {
  it('fails every Pod in manifests', () => {
    const result = resultOf([pod()], 'pod-controller', { kind: 'Pod' });
    expect(result.status).toBe('fail');
    expect(result.severity).toBe('critical');
    expect(result.remediation).toContain('kind: Deployment');
  });

  it.each([
    ['Deployment', deployment()],
    ['StatefulSet', statefulSet()],
    ['DaemonSet', daemonSet()],
  ])('is not applicable to a %s', (kind, object) => {
    expect(resultOf([object], 'pod-controller', { kind }).status).toBe(
      'not-applicable',
    );
  });

  it('fails a live Pod without owners', () => {
    expect(
      resultOf([pod()], 'pod-controller', { kind: 'Pod', cluster: 'prod' })
        .status,
    ).toBe('fail');
  });

  it('treats a live Pod with owners as evidence, not a workload', () => {
    const owned = pod({
      'metadata.ownerReferences': [
        { kind: 'ReplicaSet', name: 'api-abc', controller: true },
      ],
    });
    const report = evaluate(inputs([owned], 'prod'));
    expect(report.workloads).toEqual([]);
  });

  it('treats an owned Pod in manifests as a workload', () => {
    const owned = pod({
      'metadata.ownerReferences': [{ kind: 'ReplicaSet', name: 'api-abc' }],
    });
    expect(resultOf([owned], 'pod-controller', { kind: 'Pod' }).status).toBe(
      'fail',
    );
  });
});
