import { deployment, pod, resultOf } from './__fixtures__/objects';
import { apiPod } from './__fixtures__/live';

const live = { cluster: 'prod' };

describe('runtime-node-spread', () => {
  it.each([
    [
      'two nodes',
      [apiPod('a', { node: 'n1' }), apiPod('b', { node: 'n2' })],
      'pass',
    ],
    [
      'one node',
      [apiPod('a', { node: 'n1' }), apiPod('b', { node: 'n1' })],
      'fail',
    ],
    [
      'one node among the ready pods',
      [
        apiPod('a', { node: 'n1' }),
        apiPod('b', { node: 'n1' }),
        apiPod('c', { node: 'n2', ready: false }),
      ],
      'fail',
    ],
    [
      'a single ready pod',
      [apiPod('a'), apiPod('b', { ready: false })],
      'not-applicable',
    ],
    ['no pods', [], 'unknown'],
    [
      'a ready pod without a node',
      [
        apiPod('a', { node: 'n1' }),
        apiPod('b', { patch: { 'spec.nodeName': undefined } }),
      ],
      'unknown',
    ],
  ])('%s gives %s', (_, pods, status) => {
    expect(
      resultOf([deployment(), ...pods], 'runtime-node-spread', live).status,
    ).toBe(status);
  });

  it('names the node', () => {
    const result = resultOf(
      [deployment(), apiPod('a', { node: 'n1' }), apiPod('b', { node: 'n1' })],
      'runtime-node-spread',
      live,
    );
    expect(result.message).toContain('"n1"');
  });

  it('is unknown on manifests and not applicable to bare Pods', () => {
    expect(
      resultOf([deployment(), apiPod('a'), apiPod('b')], 'runtime-node-spread')
        .status,
    ).toBe('unknown');
    expect(
      resultOf([pod()], 'runtime-node-spread', { kind: 'Pod', ...live }).status,
    ).toBe('not-applicable');
  });
});
