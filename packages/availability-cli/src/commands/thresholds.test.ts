import type {
  AvailabilityReport,
  Level,
} from '@availability-backstage/plugin-availability-common';
import { unmetThresholds } from './thresholds';

const report = (score: number, level: Level): AvailabilityReport => ({
  score,
  level,
  workloads: [],
  errors: [],
});

describe('unmetThresholds', () => {
  it.each([
    [report(80, 'silver'), {}, []],
    [report(80, 'silver'), { minScore: 80 }, []],
    [
      report(79, 'bronze'),
      { minScore: 80 },
      ['score 79 is below the minimum of 80'],
    ],
    [report(95, 'silver'), { minLevel: 'silver' as const }, []],
    [
      report(95, 'silver'),
      { minLevel: 'gold' as const },
      ['level silver is below the minimum of gold'],
    ],
    [
      report(40, 'none'),
      { minScore: 50, minLevel: 'bronze' as const },
      [
        'score 40 is below the minimum of 50',
        'level none is below the minimum of bronze',
      ],
    ],
  ])('%j with %j', (r, thresholds, expected) => {
    expect(unmetThresholds(r, thresholds)).toEqual(expected);
  });
});
