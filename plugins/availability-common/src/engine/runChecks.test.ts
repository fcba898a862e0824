import { resolveConfig } from './config';
import type { WorkloadCheck } from './model';
import { fail, pass } from './outcomes';
import { PlannedCheck } from './runChecks';

const check: WorkloadCheck = {
  id: 'replicas-min',
  title: 'A check',
  description: 'A check for these tests.',
  severity: 'critical',
  category: 'static',
  appliesTo: ['Deployment'],
  run: () => pass('Fine.'),
};

describe('PlannedCheck', () => {
  it('shares one frozen result between equal outcomes', () => {
    const planned = new PlannedCheck(check, resolveConfig());
    const first = planned.result(pass('3 replicas.'));
    expect(first).toEqual({
      id: 'replicas-min',
      status: 'pass',
      severity: 'critical',
      message: '3 replicas.',
      remediation: null,
      reason: null,
    });
    expect(Object.isFrozen(first)).toBe(true);
    expect(planned.result(pass('3 replicas.'))).toBe(first);
    expect(planned.result(pass('2 replicas.'))).not.toBe(first);
  });

  it('keeps results apart when the remediation differs', () => {
    const planned = new PlannedCheck(check, resolveConfig());
    const one = planned.result(fail('Too few.', 'Run 2.'));
    const other = planned.result(fail('Too few.', 'Run 3.'));
    expect(other).not.toBe(one);
    expect(other.remediation).toBe('Run 3.');
    expect(planned.result(fail('Too few.', 'Run 2.'))).toBe(one);
  });

  it('gives an entry a result of its own to change', () => {
    const planned = new PlannedCheck(check, resolveConfig());
    const shared = planned.result(fail('Too few.', 'Run 2.'));
    const own = planned.freshResult(fail('Too few.', 'Run 2.'));
    expect(own).toEqual(shared);
    expect(Object.isFrozen(own)).toBe(false);
  });

  it('applies a severity override and answers for the kinds it applies to', () => {
    const planned = new PlannedCheck(
      check,
      resolveConfig({ checks: { 'replicas-min': { severity: 'low' } } }),
    );
    expect(planned.severity).toBe('low');
    expect(planned.run({} as never, 'DaemonSet', false)).toEqual({
      status: 'not-applicable',
      message: 'Does not apply to DaemonSets.',
    });
    expect(planned.run({} as never, 'Deployment', false).message).toBe('Fine.');
  });
});
