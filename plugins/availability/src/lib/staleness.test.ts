import { describeStaleness } from './staleness';

describe('describeStaleness', () => {
  const base = {
    refreshedAt: new Date().toISOString(),
    lastError: { message: 'timed out', at: new Date().toISOString() },
    clusters: [
      { cluster: 'prod-eu', status: 'error' as const, message: 'timed out' },
      { cluster: 'prod-us', status: 'error' as const, message: 'timed out' },
      { cluster: 'staging', status: 'ok' as const },
    ],
  };

  it('says nothing of a current report', () => {
    expect(describeStaleness({ ...base, stale: false })).toBeUndefined();
  });

  it('says when the data was read and on how many clusters the refresh failed', () => {
    expect(describeStaleness({ ...base, stale: true })).toMatch(
      /^as of .+; last refresh failed on 2 clusters$/,
    );
  });

  it('says the refresh failed when no cluster is to blame', () => {
    expect(
      describeStaleness({
        ...base,
        clusters: [],
        refreshedAt: null,
        stale: true,
      }),
    ).toBe('never refreshed; last refresh failed');
  });
});
