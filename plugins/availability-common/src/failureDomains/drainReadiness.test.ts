import fc from 'fast-check';
import { drainReadiness } from './drainReadiness';
import { cluster, liveEntry, readyPod } from './__fixtures__/reports';

describe('drainReadiness', () => {
  it('names what blocks, drops to zero or waits, with the PDB and pods', () => {
    const result = drainReadiness(
      cluster({
        search: [
          liveEntry(
            'search',
            [readyPod('search-1', 'a-1'), readyPod('search-2', 'b-1')],
            [
              {
                name: 'search',
                budget: 'minAvailable "100%"',
                blocksEveryEviction: true,
                disruptionsAllowed: 0,
              },
            ],
          ),
        ],
        catalog: [
          liveEntry(
            'catalog',
            [readyPod('catalog-1', 'a-2'), readyPod('catalog-2', 'b-1')],
            [
              {
                name: 'catalog',
                budget: 'maxUnavailable 1',
                blocksEveryEviction: false,
                disruptionsAllowed: 0,
                currentHealthy: 2,
                desiredHealthy: 2,
              },
            ],
          ),
        ],
        web: [liveEntry('web', [readyPod('web-1', 'a-2')])],
        cart: [
          liveEntry(
            'cart',
            [readyPod('cart-1', 'a-1'), readyPod('cart-2', 'a-1')],
            [
              {
                name: 'cart',
                budget: 'maxUnavailable 1',
                blocksEveryEviction: false,
                disruptionsAllowed: 1,
              },
            ],
          ),
        ],
      }),
    );
    const node = (name: string) => result.nodes.find(n => n.node === name)!;
    expect(
      node('a-1').findings.map(f => [f.name, f.issue, f.pdb, f.pods]),
    ).toEqual([
      ['search', 'blocks-forever', 'search', ['search-1']],
      ['cart', 'waits', 'cart', ['cart-1', 'cart-2']],
    ]);
    expect(node('a-2').findings.map(f => [f.name, f.issue])).toEqual([
      ['catalog', 'blocks-now'],
      ['web', 'single-replica'],
    ]);
    expect(node('a-2').findings[0].message).toContain('2 healthy of 2 needed');
    expect(result.safe).toBe(false);
    expect(result.verdict).toBe(
      'Draining 3 of 3 nodes of prod would hang or take a service down (Deployment shop/catalog, Deployment shop/search, Deployment shop/web).',
    );
  });

  it('gives the all-clear when every node can go', () => {
    const result = drainReadiness(
      cluster({
        api: [
          liveEntry('api', [
            readyPod('api-1', 'a-1'),
            readyPod('api-2', 'b-1'),
          ]),
        ],
      }),
    );
    expect(result).toMatchObject({
      safe: true,
      verdict: 'Draining any one node of prod keeps every service up.',
    });
    expect(result.nodes).toHaveLength(3);
  });

  it('never throws on odd evidence', () => {
    fc.assert(
      fc.property(fc.anything(), pods => {
        const list = Array.isArray(pods) ? (pods as any) : [];
        expect(() =>
          drainReadiness(cluster({ x: [liveEntry('x', list)] })),
        ).not.toThrow();
      }),
    );
  });
});
