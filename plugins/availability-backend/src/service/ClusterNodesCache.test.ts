import { mockServices } from '@backstage/backend-test-utils';
import { ClusterNodesCache } from './ClusterNodesCache';
import { ClusterNodesResult, ClusterNodesSource } from './ClusterNodesSource';

class FakeNodesSource implements ClusterNodesSource {
  calls: string[] = [];
  answers = new Map<string, ClusterNodesResult | Error>();

  async listNodes({ cluster }: { cluster: string }) {
    this.calls.push(cluster);
    await new Promise(resolve => setTimeout(resolve, 5));
    const answer = this.answers.get(cluster) ?? {
      status: 'ok' as const,
      nodes: [{ name: `${cluster}-1`, labels: { zone: 'a' } }],
      requests: 1,
    };
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  }
}

function setup(ttlMs?: number) {
  const source = new FakeNodesSource();
  const logger = mockServices.logger.mock();
  let now = 1_000;
  const cache = ClusterNodesCache.create({
    source,
    logger,
    ttlMs,
    now: () => now,
  });
  return {
    source,
    logger,
    cache,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ClusterNodesCache', () => {
  it('lists each cluster once for its life, sharing requests in flight', async () => {
    const { source, cache, advance } = setup();
    const first = await Promise.all([
      cache.getNodes('prod-eu'),
      cache.getNodes('prod-eu'),
      cache.getNodes('prod-us'),
    ]);
    advance(24 * 3600_000);
    const later = await cache.getNodes('prod-eu');

    expect(source.calls).toEqual(['prod-eu', 'prod-us']);
    expect(first[0]?.get('prod-eu-1')).toEqual({
      name: 'prod-eu-1',
      labels: { zone: 'a' },
    });
    expect(first[1]).toBe(first[0]);
    expect(later).toBe(first[0]);
    expect(cache.stats()).toEqual({
      requestsByCluster: { 'prod-eu': 1, 'prod-us': 1 },
      failedClusters: [],
    });
  });

  it('lists again once a listing is older than its lifetime', async () => {
    const { source, cache, advance } = setup(60_000);
    await cache.getNodes('prod-eu');
    advance(59_999);
    await cache.getNodes('prod-eu');
    expect(source.calls).toHaveLength(1);
    advance(1);
    await cache.getNodes('prod-eu');
    expect(source.calls).toHaveLength(2);
    expect(cache.stats().requestsByCluster).toEqual({ 'prod-eu': 2 });
  });

  it('never reuses a listing with a zero lifetime', async () => {
    const { source, cache } = setup(0);
    await cache.getNodes('prod-eu');
    await cache.getNodes('prod-eu');
    expect(source.calls).toEqual(['prod-eu', 'prod-eu']);
  });

  it('keeps a failure (no Nodes) and logs it once', async () => {
    const { source, cache, logger } = setup();
    source.answers.set('prod-us', {
      status: 'error',
      message: '403 Forbidden: Unauthorized',
      requests: 1,
    });
    source.answers.set('staging', new Error('boom'));

    const results = await Promise.all(
      ['prod-us', 'prod-us', 'staging', 'prod-eu', 'staging'].map(c =>
        cache.getNodes(c),
      ),
    );

    expect(results.map(r => r?.size)).toEqual([
      undefined,
      undefined,
      undefined,
      1,
      undefined,
    ]);
    expect(source.calls).toEqual(['prod-us', 'staging', 'prod-eu']);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not list the Nodes of cluster prod-us (403 Forbidden: Unauthorized); zone checks of its workloads stay unknown',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('cluster staging (Error: boom)'),
    );
    expect(cache.stats()).toEqual({
      requestsByCluster: { 'prod-us': 1, staging: 0, 'prod-eu': 1 },
      failedClusters: ['prod-us', 'staging'],
    });
  });
});
