import { workloadDrift } from './drift';
import { report } from './__fixtures__/reports';
import type { CheckResult, WorkloadReport } from '../types';

const check = (id: string, status: CheckResult['status']): CheckResult => ({
  id,
  status,
  severity: 'high',
  message: '',
  remediation: null,
  reason: null,
});

const entry = (
  cluster: string,
  score: number,
  checks: CheckResult[],
): WorkloadReport => ({
  kind: 'Deployment',
  namespace: 'shop',
  name: 'api',
  cluster,
  score,
  level: 'silver',
  checks,
});

describe('workloadDrift', () => {
  it('flags a workload judged differently in two clusters, with the checks that differ', () => {
    const drift = workloadDrift(
      report([
        entry('prod-eu', 86, [
          check('runtime-restarts', 'fail'),
          check('replicas-min', 'pass'),
        ]),
        entry('prod-us', 100, [
          check('runtime-restarts', 'pass'),
          check('replicas-min', 'pass'),
        ]),
        entry('staging', 100, [check('replicas-min', 'pass')]),
      ]),
    );
    expect(drift).toEqual([
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'api',
        clusters: [
          { cluster: 'prod-eu', score: 86, level: 'silver' },
          { cluster: 'prod-us', score: 100, level: 'silver' },
          { cluster: 'staging', score: 100, level: 'silver' },
        ],
        checks: [
          {
            id: 'runtime-restarts',
            statuses: {
              'prod-eu': 'fail',
              'prod-us': 'pass',
              staging: 'absent',
            },
          },
        ],
      },
    ]);
  });

  it('says nothing of workloads judged alike or seen once', () => {
    expect(
      workloadDrift(
        report([
          entry('a', 90, [check('x', 'pass')]),
          entry('b', 90, [check('x', 'pass')]),
        ]),
      ),
    ).toEqual([]);
    expect(workloadDrift(report([entry('a', 50, [])]))).toEqual([]);
  });
});
