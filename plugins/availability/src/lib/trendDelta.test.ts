import { describeDelta, describeRefresh, weekDelta } from './trendDelta';

const point = (refreshedAt: string, score: number) => ({
  refreshedAt,
  score,
  level: 'bronze' as const,
  failingChecks: [],
});

describe('weekDelta', () => {
  const now = new Date('2026-03-15T12:00:00Z');

  it('compares with the last point at least a week old', () => {
    const history = [
      point('2026-03-01T00:00:00Z', 40),
      point('2026-03-08T00:00:00Z', 50),
      point('2026-03-14T00:00:00Z', 60),
    ];
    expect(weekDelta(history, 65, now)).toEqual({
      delta: 15,
      since: '2026-03-08T00:00:00Z',
    });
  });

  it('compares with the oldest point of a younger history, and not at all with one point', () => {
    expect(
      weekDelta(
        [point('2026-03-14T00:00:00Z', 60), point('2026-03-12T00:00:00Z', 70)],
        60,
        now,
      ),
    ).toEqual({ delta: -10, since: '2026-03-12T00:00:00Z' });
    expect(weekDelta([point('2026-03-14T00:00:00Z', 60)], 60, now)).toBe(
      undefined,
    );
  });

  it.each([
    [6, '+6 since then'],
    [-3, '−3 since then'],
    [0, 'no change since then'],
  ])('describes %d', (delta, text) => {
    expect(describeDelta({ delta, since: 'x' }, () => 'then')).toBe(text);
  });
});

describe('describeRefresh', () => {
  it.each([
    [
      { score: 65, level: 'Bronze' },
      { score: 71, level: 'Silver' },
      'success',
      'Refreshed: improved by 6, 65 → 71 (Bronze → Silver)',
    ],
    [
      { score: 65, level: 'Bronze' },
      { score: 65, level: 'Bronze' },
      'info',
      'Refreshed: unchanged at 65 (Bronze)',
    ],
    [
      { score: 71, level: 'Bronze' },
      { score: 65, level: 'Bronze' },
      'warning',
      'Refreshed: worse by 6, 71 → 65 (Bronze)',
    ],
  ])('%o then %o', (before, after, severity, message) => {
    expect(describeRefresh(before, after)).toEqual({ severity, message });
  });
});
