import {
  AvailabilityReport,
  scoreChecks,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import { check, workload } from '../__fixtures__/workloads';
import { explainLevel } from './levelExplanation';

function report(workloads: WorkloadReport[]): AvailabilityReport {
  return {
    ...scoreChecks(workloads.flatMap(w => w.checks)),
    workloads,
    errors: [],
  };
}

const passing = ['a', 'b', 'c', 'd', 'e', 'f'].map(id =>
  check(id, 'pass', 'high'),
);

describe('explainLevel', () => {
  it('names the critical failure that holds a high score at bronze, and the fix for silver and gold', () => {
    const checks = [
      ...passing,
      check('runtime-ready', 'fail', 'critical'),
      check('pdb-present', 'fail', 'high'),
      check('network-policy', 'fail', 'medium'),
    ];
    const explanation = explainLevel(
      report([workload('catalog', 'prod-eu', checks)]),
    );
    expect(explanation.reason).toBe(
      'Bronze: 1 critical failure (runtime-ready).',
    );
    expect(explanation.next).toBe(
      'Fix it for Silver; then pdb-present for Gold.',
    );
    expect(explanation.fixFirst).toEqual([
      expect.objectContaining({
        checkId: 'runtime-ready',
        severity: 'critical',
        workload: 'Deployment/shop/catalog',
        clusters: ['prod-eu'],
        level: 'silver',
        // 24 of 38 = 63, then 32 of 38 = 84.
        score: 84,
        adds: 21,
      }),
    ]);
  });

  it('plans one fix for a check that fails in every cluster', () => {
    const checks = [...passing, check('replicas-min', 'fail', 'critical')];
    const explanation = explainLevel(
      report([
        workload('web', 'prod-eu', checks),
        workload('web', 'prod-us', checks),
      ]),
    );
    expect(explanation.fixFirst).toHaveLength(1);
    expect(explanation.fixFirst[0].clusters).toEqual(['prod-eu', 'prod-us']);
  });

  it('says which score a level misses when no failure blocks it', () => {
    const checks = [
      check('a', 'pass', 'medium'),
      check('b', 'fail', 'medium'),
      check('c', 'fail', 'low'),
    ];
    // 2 of 5 = 40.
    expect(
      explainLevel(report([workload('w', undefined, checks)])).reason,
    ).toBe('No level: score 40 is below the 50 Bronze needs.');
  });

  it('plans nothing at gold', () => {
    const explanation = explainLevel(
      report([workload('w', undefined, passing)]),
    );
    expect(explanation.reason).toBe(
      'Gold: score 100 and no critical or high failure.',
    );
    expect(explanation.fixFirst).toEqual([]);
    expect(explanation.next).toBeUndefined();
  });

  it('tells an entity with no workloads from one where nothing counted', () => {
    expect(explainLevel(report([])).reason).toBe(
      'No score: nothing in the clusters matches this entity yet, so there is no level to explain.',
    );
    const unknown = workload('w', undefined, [check('a', 'unknown', 'high')]);
    expect(explainLevel(report([unknown])).reason).toMatch(
      /^No score: no check counted/,
    );
  });
});
