import { deployment, inputs } from './__fixtures__/objects';
import { apiPod, node } from './__fixtures__/live';
import { evaluate } from '../engine/evaluate';
import { resultOf } from './__fixtures__/objects';

const live = { cluster: 'prod' };
const pods = [apiPod('a', { node: 'n1' }), apiPod('b', { node: 'n2' })];

describe('runtime-zone-spread', () => {
  it.each([
    ['two zones', [node('n1', 'eu-1a'), node('n2', 'eu-1b')], 'pass'],
    ['one zone', [node('n1', 'eu-1a'), node('n2', 'eu-1a')], 'fail'],
    ['no Node objects', [], 'unknown'],
    [
      'a node without a zone label',
      [node('n1', 'eu-1a'), node('n2')],
      'unknown',
    ],
  ])('%s gives %s', (_, nodes, status) => {
    expect(
      resultOf([deployment(), ...pods, ...nodes], 'runtime-zone-spread', live)
        .status,
    ).toBe(status);
  });

  it('reads the deprecated failure-domain zone label', () => {
    const legacy = (name: string, zone: string) => ({
      kind: 'Node',
      metadata: {
        name,
        labels: { 'failure-domain.beta.kubernetes.io/zone': zone },
      },
    });
    const objects = [
      deployment(),
      ...pods,
      legacy('n1', 'a'),
      legacy('n2', 'b'),
    ];
    expect(resultOf(objects, 'runtime-zone-spread', live).status).toBe('pass');
  });

  it('ignores Nodes of another cluster', () => {
    const report = evaluate([
      ...inputs([deployment(), ...pods], 'prod'),
      ...inputs([node('n1', 'a'), node('n2', 'b')], 'staging'),
    ]);
    const check = report.workloads[0].checks.find(
      c => c.id === 'runtime-zone-spread',
    );
    expect(check?.status).toBe('unknown');
    expect(check?.message).toContain('topology.kubernetes.io/zone');
  });
});
