import type { CheckResult, Severity, CheckStatus } from '../types';
import { LEVELS } from '../contract';
import { meetsLevel, scoreChecks, SEVERITY_WEIGHTS } from './scoring';

function check(severity: Severity, status: CheckStatus): CheckResult {
  return {
    id: 'x',
    severity,
    status,
    message: '',
    remediation: null,
    reason: null,
  };
}

describe('scoreChecks', () => {
  it('gives no score and no level when nothing counts', () => {
    expect(scoreChecks([])).toEqual({ score: null, level: null });
    expect(
      scoreChecks([
        check('critical', 'exempt'),
        check('high', 'unknown'),
        check('low', 'not-applicable'),
      ]),
    ).toEqual({ score: null, level: null });
  });

  it('weighs severities 8/4/2/1', () => {
    expect(SEVERITY_WEIGHTS).toEqual({
      critical: 8,
      high: 4,
      medium: 2,
      low: 1,
    });
    // 8 + 4 passed of 8 + 4 + 2 + 1.
    expect(
      scoreChecks([
        check('critical', 'pass'),
        check('high', 'pass'),
        check('medium', 'fail'),
        check('low', 'fail'),
      ]).score,
    ).toBe(80);
  });

  it('rounds half up', () => {
    // 7 of 8 = 87.5 -> 88; 1 of 8 = 12.5 -> 13.
    const sevenOfEight = [
      check('high', 'pass'),
      check('medium', 'pass'),
      check('low', 'pass'),
      check('low', 'fail'),
    ];
    expect(scoreChecks(sevenOfEight).score).toBe(88);
    expect(
      scoreChecks([
        check('low', 'pass'),
        check('medium', 'fail'),
        check('medium', 'fail'),
        check('medium', 'fail'),
        check('low', 'fail'),
      ]).score,
    ).toBe(13);
  });

  it.each([
    [
      'silver below 90',
      [
        ['critical', 'pass'],
        ['low', 'fail'],
      ],
      89,
      'silver',
    ],
    [
      'silver when a high check fails',
      [
        ['critical', 'pass'],
        ['critical', 'pass'],
        ['critical', 'pass'],
        ['critical', 'pass'],
        ['critical', 'pass'],
        ['high', 'fail'],
      ],
      91,
      'silver',
    ],
    [
      'bronze when a critical check fails',
      [
        ['critical', 'fail'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
        ['high', 'pass'],
      ],
      83,
      'bronze',
    ],
    [
      'none below 50',
      [
        ['critical', 'fail'],
        ['high', 'pass'],
      ],
      33,
      'none',
    ],
    [
      'gold at exactly 90',
      [
        ['medium', 'fail'],
        ['critical', 'pass'],
        ['critical', 'pass'],
        ['low', 'pass'],
        ['low', 'pass'],
      ],
      90,
      'gold',
    ],
    [
      'silver at exactly 75',
      [
        ['medium', 'fail'],
        ['high', 'pass'],
        ['low', 'pass'],
        ['low', 'pass'],
      ],
      75,
      'silver',
    ],
  ] as Array<[string, Array<[Severity, CheckStatus]>, number, string]>)(
    '%s',
    (_, checks, score, level) => {
      expect(scoreChecks(checks.map(([s, st]) => check(s, st)))).toEqual({
        score,
        level,
      });
    },
  );

  it('lists levels best first', () => {
    expect(LEVELS).toEqual(['gold', 'silver', 'bronze', 'none']);
  });

  it.each([
    ['gold', 'gold', true],
    ['gold', 'none', true],
    ['silver', 'gold', false],
    ['silver', 'bronze', true],
    ['bronze', 'silver', false],
    ['none', 'bronze', false],
    ['none', 'none', true],
  ] as const)('level %s meets %s: %p', (level, required, expected) => {
    expect(meetsLevel(level, required)).toBe(expected);
  });
});
