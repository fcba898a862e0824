import { exemptionLedger } from './exemptionLedger';
import { report } from './__fixtures__/reports';
import type { CheckResult } from '../types';

const check = (patch: Partial<CheckResult>): CheckResult => ({
  id: 'replicas-min',
  status: 'pass',
  severity: 'critical',
  message: '',
  remediation: null,
  reason: null,
  ...patch,
});

describe('exemptionLedger', () => {
  const entity = (checks: CheckResult[]) => ({
    entityRef: 'component:default/reports',
    owner: 'group:default/data',
    report: {
      ...report([
        {
          kind: 'Deployment',
          namespace: 'data',
          name: 'reports',
          cluster: 'prod-eu',
          score: 100,
          level: 'gold' as const,
          checks,
        },
      ]),
      score: 100,
      level: 'gold' as const,
    },
  });

  it('lists each active waiver with its origin and the score it would cost', () => {
    const [row, ...rest] = exemptionLedger(
      [
        entity([
          check({ id: 'probe-readiness', severity: 'high' }),
          check({
            id: 'replicas-min',
            status: 'exempt',
            reason: 'batch job',
            until: '2026-03-01',
            exemptedBy: 'object',
          }),
        ]),
      ],
      { now: new Date('2026-01-01T00:00:00Z') },
    );
    expect(rest).toEqual([]);
    expect(row).toEqual({
      entityRef: 'component:default/reports',
      owner: 'group:default/data',
      object: {
        kind: 'Deployment',
        namespace: 'data',
        name: 'reports',
        cluster: 'prod-eu',
      },
      check: 'replicas-min',
      severity: 'critical',
      origin: 'object',
      reason: 'batch job',
      until: '2026-03-01',
      score: 100,
      level: 'gold',
      scoreIfLapsed: 33,
      levelIfLapsed: 'none',
    });
  });

  it.each([
    [undefined, 'never expires'],
    ['2027-06-01', 'runs past 365 days (until 2027-06-01)'],
    ['2026-12-31', undefined],
  ])('flags a waiver until %s: %s', (until, flag) => {
    const [row] = exemptionLedger(
      [entity([check({ status: 'exempt', reason: 'r', until })])],
      { now: new Date('2026-01-01T00:00:00Z') },
    );
    expect(row.flag).toBe(flag);
  });
});
