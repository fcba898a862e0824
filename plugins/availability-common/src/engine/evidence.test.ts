import { evaluate } from './evaluate';
import {
  daemonSet,
  deployment,
  inputs,
  pdb,
  pod,
} from '../checks/__fixtures__/objects';
import { apiPod, node } from '../checks/__fixtures__/live';

const restarting = {
  'status.initContainerStatuses': [{ name: 'init', restartCount: 1 }],
  'status.containerStatuses': [
    { name: 'api', restartCount: 2 },
    { name: 'sidecar', restartCount: 4 },
  ],
};

describe('workload evidence', () => {
  it('lists the pods of a live Deployment with their nodes and zones', () => {
    const report = evaluate(
      inputs(
        [
          deployment({ status: { replicas: 3, readyReplicas: 2 } }),
          apiPod('api-5d8f-a', { node: 'n1' }),
          apiPod('api-5d8f-b', { node: 'n2', patch: restarting }),
          apiPod('api-5d8f-c', { node: 'n3', ready: false }),
          node('n1', 'eu-1a'),
          node('n2', 'eu-1b'),
          {
            kind: 'Node',
            metadata: {
              name: 'n3',
              labels: { 'failure-domain.beta.kubernetes.io/zone': 'eu-1a' },
            },
          },
        ],
        'prod',
      ),
    );
    expect(report.workloads[0].evidence).toEqual({
      replicas: { desired: 3, ready: 2 },
      pods: [
        {
          name: 'api-5d8f-a',
          node: 'n1',
          zone: 'eu-1a',
          ready: true,
          restarts: 0,
        },
        {
          name: 'api-5d8f-b',
          node: 'n2',
          zone: 'eu-1b',
          ready: true,
          restarts: 7,
        },
        {
          name: 'api-5d8f-c',
          node: 'n3',
          zone: 'eu-1a',
          ready: false,
          restarts: 0,
        },
      ],
    });
  });

  it('leaves out what the cluster did not show', () => {
    const report = evaluate(
      inputs(
        [
          deployment(),
          apiPod('pending', { patch: { 'spec.nodeName': undefined } }),
          apiPod('zoneless', { node: 'n9' }),
          node('n9'),
        ],
        'prod',
      ),
    );
    expect(report.workloads[0].evidence).toEqual({
      replicas: { desired: 3 },
      pods: [
        { name: 'pending', ready: true, restarts: 0 },
        { name: 'zoneless', node: 'n9', ready: true, restarts: 0 },
      ],
    });
  });

  it('copies no whole objects', () => {
    const report = evaluate(
      inputs([deployment(), apiPod('a', { node: 'n1' }), node('n1')], 'prod'),
    );
    const [entry] = report.workloads[0].evidence?.pods ?? [];
    expect(Object.keys(entry).sort()).toEqual([
      'name',
      'node',
      'ready',
      'restarts',
    ]);
  });

  it('reads DaemonSet counts and gives a bare Pod its own evidence', () => {
    const report = evaluate(
      inputs(
        [
          daemonSet({ status: { desiredNumberScheduled: 4, numberReady: 3 } }),
          pod({
            'spec.nodeName': 'n1',
            status: {
              conditions: [{ type: 'Ready', status: 'True' }],
              containerStatuses: [{ name: 'api', restartCount: 5 }],
            },
          }),
          node('n1', 'eu-1c'),
        ],
        'prod',
      ),
    );
    const [ds, bare] = report.workloads;
    expect(ds.evidence).toEqual({
      replicas: { desired: 4, ready: 3 },
      pods: [],
    });
    expect(bare.evidence).toEqual({
      replicas: { desired: 1, ready: 1 },
      pods: [
        {
          name: 'debug',
          node: 'n1',
          zone: 'eu-1c',
          ready: true,
          restarts: 5,
        },
      ],
    });
  });

  it('lists the disruption budgets with what their status allows', () => {
    const report = evaluate(
      inputs(
        [
          deployment({ 'spec.replicas': 3 }),
          pdb({
            'metadata.name': 'strict',
            'spec.maxUnavailable': undefined,
            'spec.minAvailable': '100%',
            status: {
              disruptionsAllowed: 0,
              desiredHealthy: 3,
              currentHealthy: 3,
            },
          }),
          pdb(),
        ],
        'prod',
      ),
    );
    expect(report.workloads[0].evidence?.pdbs).toEqual([
      {
        name: 'strict',
        budget: 'minAvailable "100%"',
        blocksEveryEviction: true,
        disruptionsAllowed: 0,
        desiredHealthy: 3,
        currentHealthy: 3,
      },
      { name: 'api', budget: 'maxUnavailable 1', blocksEveryEviction: false },
    ]);
  });

  it('is absent for manifests', () => {
    const report = evaluate(
      inputs([deployment(), apiPod('a'), pod(), node('node-a', 'eu-1a')]),
    );
    expect(report.workloads.length).toBeGreaterThan(0);
    for (const entry of report.workloads) {
      expect(entry).not.toHaveProperty('evidence');
    }
  });

  it('never attributes pods or Nodes of another cluster', () => {
    const report = evaluate([
      ...inputs(
        [deployment(), apiPod('mine', { node: 'n1' }), node('n1', 'a')],
        'prod',
      ),
      ...inputs(
        [apiPod('theirs', { node: 'n1' }), node('n1', 'b'), node('n2', 'c')],
        'staging',
      ),
      ...inputs([apiPod('manifest', { node: 'n1' })]),
    ]);
    const prod = report.workloads.find(
      w => w.kind === 'Deployment' && w.cluster === 'prod',
    );
    expect(prod?.evidence?.pods).toEqual([
      { name: 'mine', node: 'n1', zone: 'a', ready: true, restarts: 0 },
    ]);
  });
});
