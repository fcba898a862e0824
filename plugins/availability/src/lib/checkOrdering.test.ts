import {
  CheckResult,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import { groupChecksByOutcome, summarizeFailingChecks } from './checkOrdering';

function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id'>) {
  return {
    status: 'pass',
    severity: 'low',
    message: '',
    remediation: null,
    reason: null,
    ...partial,
  } as CheckResult;
}

function workload(name: string, checks: CheckResult[]): WorkloadReport {
  return {
    kind: 'Deployment',
    namespace: 'shop',
    name,
    score: 50,
    level: 'bronze',
    checks,
  };
}

describe('groupChecksByOutcome', () => {
  it('puts failures first, most severe first, and drops empty groups', () => {
    const groups = groupChecksByOutcome([
      check({ id: 'graceful-shutdown', status: 'fail', severity: 'low' }),
      check({ id: 'probe-readiness', status: 'pass', severity: 'high' }),
      check({ id: 'replicas-min', status: 'fail', severity: 'critical' }),
      check({ id: 'pdb-present', status: 'fail', severity: 'high' }),
      check({ id: 'hpa-range', status: 'not-applicable' }),
      check({ id: 'network-policy', status: 'exempt', severity: 'medium' }),
    ]);

    expect(groups.map(g => g.status)).toEqual([
      'fail',
      'exempt',
      'pass',
      'not-applicable',
    ]);
    expect(groups[0].checks.map(c => c.id)).toEqual([
      'replicas-min',
      'pdb-present',
      'graceful-shutdown',
    ]);
  });

  it('orders checks of equal severity by id', () => {
    const [fail] = groupChecksByOutcome([
      check({ id: 'probe-readiness', status: 'fail', severity: 'high' }),
      check({ id: 'pdb-present', status: 'fail', severity: 'high' }),
    ]);
    expect(fail.checks.map(c => c.id)).toEqual([
      'pdb-present',
      'probe-readiness',
    ]);
  });
});

describe('summarizeFailingChecks', () => {
  it('counts workloads per failing check, most severe and widespread first', () => {
    const summary = summarizeFailingChecks([
      workload('api', [
        check({ id: 'pdb-present', status: 'fail', severity: 'high' }),
        check({
          id: 'replicas-min',
          status: 'fail',
          severity: 'critical',
          message: '1 replica',
        }),
        check({ id: 'graceful-shutdown', status: 'fail', severity: 'low' }),
      ]),
      workload('worker', [
        check({ id: 'pdb-present', status: 'fail', severity: 'high' }),
        check({ id: 'replicas-min', status: 'pass', severity: 'critical' }),
        check({ id: 'probe-liveness', status: 'fail', severity: 'high' }),
      ]),
    ]);

    expect(summary).toEqual([
      {
        id: 'replicas-min',
        severity: 'critical',
        workloads: 1,
        message: '1 replica',
      },
      { id: 'pdb-present', severity: 'high', workloads: 2, message: '' },
      { id: 'probe-liveness', severity: 'high', workloads: 1, message: '' },
      { id: 'graceful-shutdown', severity: 'low', workloads: 1, message: '' },
    ]);
  });

  it('ignores exempt checks', () => {
    expect(
      summarizeFailingChecks([
        workload('api', [
          check({ id: 'network-policy', status: 'exempt', reason: 'mesh' }),
        ]),
      ]),
    ).toEqual([]);
  });
});
