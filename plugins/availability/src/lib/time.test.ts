import { formatRelative } from './time';

describe('formatRelative', () => {
  const now = new Date('2025-03-10T12:00:00Z');

  it.each([
    ['2025-03-10T11:59:30Z', 'just now'],
    ['2025-03-10T11:55:00Z', '5 minutes ago'],
    ['2025-03-10T09:00:00Z', '3 hours ago'],
    ['2025-03-09T12:00:00Z', 'yesterday'],
    ['2025-03-01T12:00:00Z', '9 days ago'],
    ['not a date', 'unknown'],
  ])('%s -> %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});
