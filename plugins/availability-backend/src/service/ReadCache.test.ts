import type { AvailabilityStore } from '../database/AvailabilityStore';
import { clearingOnWrites, ReadCache } from './ReadCache';

describe('ReadCache', () => {
  it('reuses an answer for its TTL, shared by concurrent callers', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 10_000, now: () => now });
    let computed = 0;
    const compute = jest.fn(async () => ({ n: ++computed }));
    const [a, b] = await Promise.all([
      cache.get('k', compute),
      cache.get('k', compute),
    ]);
    expect(a).toBe(b);
    expect(compute).toHaveBeenCalledTimes(1);
    now = 9_999;
    expect(await cache.get('k', compute)).toBe(a);
    now = 10_000;
    expect(await cache.get('k', compute)).toEqual({ n: 2 });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps no failed answer, and nothing with a TTL of 0', async () => {
    const cache = new ReadCache({ ttlMs: 10_000 });
    await expect(
      cache.get('k', async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');

    const uncached = new ReadCache({ ttlMs: 0 });
    const compute = jest.fn(async () => 'x');
    await uncached.get('k', compute);
    await uncached.get('k', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('names equal visible sets alike and different ones apart', () => {
    const cache = new ReadCache({ ttlMs: 10_000 });
    const key = cache.visibilityKey(new Set(['component:default/a', 'b']));
    expect(cache.visibilityKey(new Set(['b', 'component:default/a']))).toBe(
      key,
    );
    expect(cache.visibilityKey(new Set(['b']))).not.toBe(key);
    expect(cache.visibilityKey(undefined)).toBe('all');
  });

  it('is cleared by every write of reports through the store, after the write', async () => {
    const cache = new ReadCache({ ttlMs: 10_000 });
    const calls: string[] = [];
    const store = {
      async saveReport() {
        calls.push('saveReport');
      },
      async saveFailure() {
        calls.push('saveFailure');
      },
      async deleteEntities() {
        calls.push('deleteEntities');
      },
      async listEntityRefs() {
        return ['component:default/a'];
      },
    } as unknown as AvailabilityStore;
    const wrapped = clearingOnWrites(store, cache);
    let version = 0;
    const read = () => cache.get('k', async () => version);

    expect(await read()).toBe(0);
    version = 1;
    expect(await wrapped.listEntityRefs()).toEqual(['component:default/a']);
    expect(await read()).toBe(0);
    for (const write of [
      () => wrapped.saveReport({} as any),
      () => wrapped.saveFailure({} as any),
      () => wrapped.deleteEntities([]),
    ]) {
      version += 1;
      await write();
      expect(await read()).toBe(version);
    }
    expect(calls).toEqual(['saveReport', 'saveFailure', 'deleteEntities']);
  });
});
