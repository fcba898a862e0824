import fc from 'fast-check';
import { blastRadius } from './blastRadius';
import { cluster, liveEntry, readyPod } from './__fixtures__/reports';
import type { PodEvidence } from '../types';

describe('blastRadius', () => {
  const input = cluster({
    cart: [
      liveEntry('cart', [
        readyPod('cart-1', 'a-1', 'a'),
        readyPod('cart-2', 'a-1', 'a'),
      ]),
    ],
    flags: [
      liveEntry('flags', [
        readyPod('flags-1', 'a-1', 'a'),
        readyPod('flags-2', 'a-2', 'a'),
      ]),
    ],
    search: [
      liveEntry(
        'search',
        [
          readyPod('search-1', 'a-2', 'a'),
          readyPod('search-2', 'b-1', 'b'),
          readyPod('search-3', 'b-1', 'b'),
        ],
        [
          {
            name: 'search',
            budget: 'minAvailable 2',
            blocksEveryEviction: false,
            desiredHealthy: 2,
          },
        ],
      ),
    ],
  });
  const result = blastRadius(input);
  const node = (name: string) => result.nodes.find(n => n.name === name)!;
  const zone = (name: string) => result.zones.find(z => z.name === name)!;

  it('names the services a node takes down with all their ready pods', () => {
    expect(node('a-1').services).toEqual([
      {
        entityRef: 'component:default/cart',
        impact: 'dark',
        workloads: ['Deployment shop/cart'],
      },
    ]);
    expect(node('a-1').workloads[0].message).toBe('loses all 2 ready pods');
    expect(node('a-2').services).toEqual([]);
  });

  it('finds a service spread over nodes but not zones, and PDB minimums', () => {
    expect(zone('a').services.map(s => [s.entityRef, s.impact])).toEqual([
      ['component:default/cart', 'dark'],
      ['component:default/flags', 'dark'],
    ]);
    expect(zone('a').nodes).toEqual(['a-1', 'a-2']);
    expect(zone('b').workloads).toEqual([
      expect.objectContaining({
        name: 'search',
        impact: 'below-minimum',
        lost: 2,
        minimum: 2,
        message: 'keeps 1 of 3 ready pods, below the 2 that PDB search keeps',
      }),
    ]);
  });

  it('gives each workload its worst node and zone', () => {
    expect(result.workloads.find(w => w.name === 'search')).toMatchObject({
      ready: 3,
      node: {
        name: 'b-1',
        lost: 2,
        message: 'loses 2/3 ready pods if node b-1 fails',
      },
      zone: { name: 'b', lost: 2 },
      missing: [],
    });
  });

  it('says what it lacks instead of guessing', () => {
    const unknown = blastRadius({
      cluster: 'prod',
      entities: [
        {
          entityRef: 'component:default/x',
          report: {
            score: 1,
            level: 'none',
            errors: [],
            workloads: [
              liveEntry('x', [
                readyPod('x-1', 'n1', 'z1'),
                readyPod('x-2', 'n2'),
              ]),
            ],
          },
        },
      ],
    });
    expect(unknown.missing).toEqual([
      expect.stringContaining('Node list of prod could not be read'),
      'Deployment shop/x: 1 of 2 ready pods have no zone.',
    ]);
    expect(
      unknown.zones.find(z => z.name === 'z1')?.workloads[0],
    ).toMatchObject({
      impact: 'unknown',
      message:
        'loses 1 of 2 ready pods; 1 ready pod more has no zone, so it may lose all',
    });
  });

  const pods = fc.array(
    fc.record({
      name: fc.string(),
      ready: fc.boolean(),
      restarts: fc.nat(),
      node: fc.option(fc.constantFrom('a-1', 'a-2', 'b-1', 'x-9'), {
        nil: undefined,
      }),
      zone: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    }),
    { maxLength: 8 },
  );

  it('never throws, and never spares a service whose ready pods all sit in the failed domain', () => {
    fc.assert(
      fc.property(fc.array(pods, { maxLength: 5 }), workloads => {
        const evidence = workloads.map(list =>
          list.map(
            p =>
              Object.fromEntries(
                Object.entries(p).filter(([, v]) => v !== undefined),
              ) as unknown as PodEvidence,
          ),
        );
        const out = blastRadius(
          cluster(
            Object.fromEntries(
              evidence.map((list, i) => [`s${i}`, [liveEntry(`w${i}`, list)]]),
            ),
          ),
        );
        const zoneOf = new Map([
          ['a-1', 'a'],
          ['a-2', 'a'],
          ['b-1', 'b'],
        ]);
        const spared: string[] = [];
        evidence.forEach((list, i) => {
          const ready = list.filter(p => p.ready);
          for (const [type, risks] of [
            ['node', out.nodes],
            ['zone', out.zones],
          ] as const) {
            const domainOf = (p: PodEvidence) =>
              type === 'node'
                ? p.node
                : p.zone ?? (p.node && zoneOf.get(p.node));
            const first = ready.length ? domainOf(ready[0]) : undefined;
            const holdsAll = first && ready.every(p => domainOf(p) === first);
            const listed = risks
              .find(r => r.name === first)
              ?.services.find(s => s.entityRef === `component:default/s${i}`);
            if (holdsAll && listed?.impact !== 'dark') {
              spared.push(`s${i} on ${type} ${first}`);
            }
          }
        });
        expect(spared).toEqual([]);
      }),
    );
  });
});
