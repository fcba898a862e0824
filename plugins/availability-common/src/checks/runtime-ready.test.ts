import { daemonSet, deployment, pod, resultOf } from './__fixtures__/objects';

const live = { cluster: 'prod' };

describe('runtime-ready', () => {
  it.each([
    [3, 3, 'pass'],
    [3, 4, 'pass'],
    [3, 2, 'fail'],
    [3, undefined, 'fail'],
    [0, undefined, 'fail'],
    ['3', '3', 'pass'],
  ])(
    'replicas %p with %p ready gives %s',
    (replicas, readyReplicas, status) => {
      const object = deployment({
        'spec.replicas': replicas,
        status: readyReplicas === undefined ? { replicas } : { readyReplicas },
      });
      expect(resultOf([object], 'runtime-ready', live).status).toBe(status);
    },
  );

  it('says when the workload is scaled to zero', () => {
    const result = resultOf(
      [deployment({ 'spec.replicas': 0, status: {} })],
      'runtime-ready',
      live,
    );
    expect(result.message).toContain('scaled to zero');
  });

  it('is unknown without status and on manifests', () => {
    expect(resultOf([deployment()], 'runtime-ready', live).status).toBe(
      'unknown',
    );
    expect(
      resultOf([deployment({ status: { readyReplicas: 3 } })], 'runtime-ready')
        .status,
    ).toBe('unknown');
  });

  it('is unknown when counts are malformed', () => {
    const object = deployment({ status: { readyReplicas: 'lots' } });
    expect(resultOf([object], 'runtime-ready', live).status).toBe('unknown');
  });

  it.each([
    [{ desiredNumberScheduled: 3, numberReady: 3 }, 'pass'],
    [{ desiredNumberScheduled: 3, numberReady: 1 }, 'fail'],
    [{ desiredNumberScheduled: 0 }, 'fail'],
  ])('reads DaemonSet status %p as %s', (status, expected) => {
    expect(
      resultOf([daemonSet({ status })], 'runtime-ready', {
        kind: 'DaemonSet',
        ...live,
      }).status,
    ).toBe(expected);
  });

  it.each([
    ['True', 'pass'],
    ['False', 'fail'],
  ])('reads a bare Pod Ready=%s as %s', (ready, expected) => {
    const object = pod({
      status: { conditions: [{ type: 'Ready', status: ready }] },
    });
    expect(
      resultOf([object], 'runtime-ready', { kind: 'Pod', ...live }).status,
    ).toBe(expected);
  });
});
