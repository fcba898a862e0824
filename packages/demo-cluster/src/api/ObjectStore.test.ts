import { API_RESOURCES } from './resources';
import { ObjectStore } from './ObjectStore';

const pods = API_RESOURCES.find(r => r.kind === 'Pod')!;

function pod(name: string, namespace = 'default') {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
}

describe('ObjectStore', () => {
  it('rejects duplicates and kinds it does not serve', () => {
    expect(() => ObjectStore.fromObjects([pod('a'), pod('a')])).toThrow(
      /Duplicate Pod default\/a/,
    );
    expect(() =>
      ObjectStore.fromObjects([
        {
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          metadata: { name: 'w' },
        },
      ]),
    ).toThrow(/does not serve/);
  });

  it('sorts by namespace and name and pages with continue tokens', () => {
    const store = ObjectStore.fromObjects([
      pod('b', 'y'),
      pod('a', 'y'),
      pod('z', 'x'),
    ]);
    const first = store.list({ resource: pods, version: 'v1', limit: 2 });
    expect(first.items.map(p => p.metadata.name)).toEqual(['z', 'a']);
    expect(first.remainingItemCount).toBe(1);
    const rest = store.list({
      resource: pods,
      version: 'v1',
      limit: 2,
      continueToken: first.continueToken,
    });
    expect(rest.items.map(p => p.metadata.name)).toEqual(['b']);
    expect(rest.continueToken).toBeUndefined();
    expect(() =>
      store.list({ resource: pods, version: 'v1', continueToken: 'bogus' }),
    ).toThrow(/continue/);
  });

  it('hands out copies', () => {
    const store = ObjectStore.fromObjects([pod('a')]);
    store.get(pods, 'v1', 'a', 'default')!.metadata.name = 'changed';
    expect(store.get(pods, 'v1', 'a', 'default')?.metadata.name).toBe('a');
  });
});
