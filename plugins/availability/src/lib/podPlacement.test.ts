import { groupPods } from './podPlacement';

const pods = [
  { name: 'api-1', node: 'node-a', zone: 'eu-1a', ready: true, restarts: 0 },
  { name: 'api-2', node: 'node-a', zone: 'eu-1a', ready: false, restarts: 7 },
  { name: 'api-3', node: 'node-b', zone: 'eu-1b', ready: true, restarts: 0 },
  { name: 'api-4', ready: false, restarts: 0 },
];

describe('groupPods', () => {
  it('groups by node, the most crowded first, unscheduled last', () => {
    expect(
      groupPods(pods, 'node').map(g => [
        g.key,
        g.pods.map(p => p.name),
        g.ready,
      ]),
    ).toEqual([
      ['node-a', ['api-1', 'api-2'], 1],
      ['node-b', ['api-3'], 1],
      [undefined, ['api-4'], 0],
    ]);
  });

  it('groups by zone', () => {
    expect(groupPods(pods, 'zone').map(g => g.key)).toEqual([
      'eu-1a',
      'eu-1b',
      undefined,
    ]);
  });
});
