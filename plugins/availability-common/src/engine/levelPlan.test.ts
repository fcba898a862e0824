import type { CheckResult, CheckStatus, Severity } from '../types';
import {
  levelLiftingChecks,
  nextLevel,
  planLevelUp,
  PlannedCheck,
} from './levelPlan';
import { scoreChecks } from './scoring';

function planned(
  fix: string,
  severity: Severity,
  status: CheckStatus = 'fail',
): PlannedCheck {
  const check: CheckResult = {
    id: fix,
    severity,
    status,
    message: '',
    remediation: null,
    reason: null,
  };
  return { fix, check };
}

const passing = (n: number, severity: Severity = 'high') =>
  Array.from({ length: n }, (_, i) => planned(`ok-${i}`, severity, 'pass'));

describe('nextLevel', () => {
  it.each([
    ['none', 'bronze'],
    ['bronze', 'silver'],
    ['silver', 'gold'],
    ['gold', undefined],
  ] as const)('above %s is %s', (level, above) => {
    expect(nextLevel(level)).toBe(above);
  });
});

describe('planLevelUp', () => {
  it('fixes the failing critical check first for silver, even when a lighter check fails more widely', () => {
    const checks = [
      ...passing(10),
      planned('replicas-min', 'critical'),
      // One fix, failing in three clusters: more weight than the critical.
      planned('network-policy', 'medium'),
      planned('network-policy', 'medium'),
      planned('network-policy', 'medium'),
    ];
    expect(scoreChecks(checks.map(c => c.check)).level).toBe('bronze');
    const plan = planLevelUp(checks, 'silver');
    expect(plan.steps.map(s => s.fix)).toEqual(['replicas-min']);
    expect(plan.steps[0]).toMatchObject({ level: 'silver' });
  });

  it('adds the heaviest fixes until the score is reached, with the score each adds', () => {
    const checks = [
      ...passing(3, 'low'),
      planned('a', 'low'),
      planned('b', 'medium'),
      planned('c', 'medium'),
      planned('c', 'medium'),
    ];
    // 3 of 10 -> 30: none. Bronze needs 50: c (4) gives 70.
    const plan = planLevelUp(checks, 'bronze');
    expect(plan.steps).toEqual([
      { fix: 'c', adds: 40, score: 70, level: 'bronze' },
    ]);
  });

  it('reaches gold by fixing every critical and high failure, then only as much of the rest as the score needs', () => {
    const checks = [
      ...passing(2, 'low'),
      planned('crit', 'critical'),
      planned('high', 'high'),
      planned('low-1', 'low'),
      planned('low-2', 'low'),
    ];
    const plan = planLevelUp(checks, 'gold');
    expect(plan.steps.map(s => s.fix)).toEqual(['crit', 'high', 'low-1']);
    // 15 of 16.
    expect(plan.steps.at(-1)).toMatchObject({ score: 94, level: 'gold' });
    const added = plan.steps.reduce((sum, s) => sum + s.adds, 0);
    expect((scoreChecks(checks.map(c => c.check)).score ?? 0) + added).toBe(94);
  });

  it('plans nothing when the level is already reached', () => {
    expect(planLevelUp([...passing(4)], 'gold').steps).toEqual([]);
  });

  it('leaves exempt and unknown results alone: they do not count', () => {
    const checks = [
      ...passing(1, 'critical'),
      planned('waived', 'critical', 'exempt'),
      planned('runtime', 'critical', 'unknown'),
      planned('spread', 'high'),
    ];
    expect(planLevelUp(checks, 'gold').steps.map(s => s.fix)).toEqual([
      'spread',
    ]);
  });
});

describe('levelLiftingChecks', () => {
  const result = (
    id: string,
    severity: Severity,
    status: CheckStatus = 'fail',
  ): CheckResult => planned(id, severity, status).check;

  it('names the critical check that alone holds a set below silver, not the lighter ones', () => {
    const checks = [
      ...passing(10).map(p => p.check),
      result('replicas-min', 'critical'),
      result('network-policy', 'medium'),
    ];
    expect(scoreChecks(checks).level).toBe('bronze');
    expect(levelLiftingChecks(checks)).toEqual(['replicas-min']);
  });

  it('counts a check failing on several entries as one fix of all of them', () => {
    const checks = [
      ...passing(2, 'low').map(p => p.check),
      result('spread-nodes', 'medium'),
      result('spread-nodes', 'medium'),
      result('priority-class', 'low'),
    ];
    // 2 of 7 -> 29: none. Fixing spread-nodes everywhere: 6 of 7 -> 86, bronze and beyond.
    expect(levelLiftingChecks(checks)).toEqual(['spread-nodes']);
  });

  it('names nothing when two critical failures each hold the level', () => {
    const checks = [
      ...passing(20).map(p => p.check),
      result('replicas-min', 'critical'),
      result('runtime-ready', 'critical'),
    ];
    expect(levelLiftingChecks(checks)).toEqual([]);
  });

  it('names nothing for gold, nor for a set without a score', () => {
    expect(levelLiftingChecks(passing(3).map(p => p.check))).toEqual([]);
    expect(
      levelLiftingChecks([result('replicas-min', 'critical', 'unknown')]),
    ).toEqual([]);
  });
});
