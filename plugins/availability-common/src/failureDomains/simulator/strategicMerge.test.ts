import { strategicMerge } from './strategicMerge';

describe('strategicMerge', () => {
  it('merges containers by name and replaces other lists', () => {
    const target = {
      spec: {
        replicas: 1,
        containers: [
          { name: 'app', image: 'a:1', args: ['x'] },
          { name: 'side', image: 's:1' },
        ],
      },
    };
    const merged = strategicMerge(target, {
      spec: {
        replicas: 2,
        containers: [
          { name: 'side', securityContext: { runAsNonRoot: true } },
          { name: 'new', image: 'n:1' },
        ],
      },
    });
    expect(merged).toEqual({
      spec: {
        replicas: 2,
        containers: [
          { name: 'app', image: 'a:1', args: ['x'] },
          {
            name: 'side',
            image: 's:1',
            securityContext: { runAsNonRoot: true },
          },
          { name: 'new', image: 'n:1' },
        ],
      },
    });
    expect(target.spec.replicas).toBe(1);
  });

  it('removes a field set to null', () => {
    expect(
      strategicMerge(
        { spec: { minAvailable: '100%' } },
        { spec: { minAvailable: null, maxUnavailable: 1 } },
      ),
    ).toEqual({ spec: { maxUnavailable: 1 } });
  });
});
