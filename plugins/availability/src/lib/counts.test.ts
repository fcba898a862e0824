import { check, workload } from '../__fixtures__/workloads';
import { describeWorkloadCounts } from './counts';

describe('describeWorkloadCounts', () => {
  it('counts a workload once across clusters, and each failing check once per workload', () => {
    const failing = [
      check('replicas-min', 'fail', 'critical'),
      check('pdb-present', 'fail', 'high'),
    ];
    expect(
      describeWorkloadCounts([
        workload('web', 'prod-eu', failing),
        workload('web', 'prod-us', failing),
        workload('web', 'staging', failing),
        workload('web', 'prod-eu', [check('x', 'fail')], 'Service'),
      ]),
    ).toBe('1 Deployment · 1 Service in 3 clusters · 3 checks fail');
  });

  it.each([
    [[], 'No workloads'],
    [[workload('a', undefined, [check('x')])], '1 Deployment · no check fails'],
    [
      [
        workload('a', 'c1', [check('x', 'fail')]),
        workload('b', 'c1', [check('x')]),
      ],
      '2 Deployments in 1 cluster · 1 check fails',
    ],
  ])('%#: %s', (workloads, text) => {
    expect(describeWorkloadCounts(workloads)).toBe(text);
  });
});
