import { deployment, pod, resultOf } from './__fixtures__/objects';
import { apiPod } from './__fixtures__/live';

const live = { cluster: 'prod' };
const waiting = (reason: string) => ({
  'status.containerStatuses': [
    { name: 'api', restartCount: 1, state: { waiting: { reason } } },
  ],
});
const restarts = (restartCount: unknown) => ({
  'status.containerStatuses': [{ name: 'api', restartCount }],
});

describe('runtime-restarts', () => {
  it.each([
    ['healthy pods', {}, 'pass'],
    ['a pod in CrashLoopBackOff', waiting('CrashLoopBackOff'), 'fail'],
    ['a pod waiting on an image pull', waiting('ContainerCreating'), 'pass'],
    ['4 restarts', restarts(4), 'pass'],
    ['5 restarts', restarts(5), 'fail'],
    ['a malformed restart count', restarts('many'), 'pass'],
    [
      'a crashing init container',
      { 'status.initContainerStatuses': [{ name: 'init', restartCount: 9 }] },
      'fail',
    ],
  ])('%s gives %s', (_, patch, status) => {
    const objects = [
      deployment(),
      apiPod('api-5d8f-a'),
      apiPod('api-5d8f-b', { patch }),
    ];
    expect(resultOf(objects, 'runtime-restarts', live).status).toBe(status);
  });

  it('names the pod and container and honours maxRestarts', () => {
    const objects = [
      deployment(),
      apiPod('api-5d8f-a', { patch: restarts(3) }),
    ];
    const options = { config: { thresholds: { maxRestarts: 3 } } };
    const result = resultOf(objects, 'runtime-restarts', live, options);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('api-5d8f-a/api (3)');
  });

  it('ignores pods of other controllers and namespaces', () => {
    const objects = [
      deployment(),
      apiPod('api-5d8f-a'),
      apiPod('other', {
        patch: {
          ...waiting('CrashLoopBackOff'),
          'metadata.ownerReferences': [{ kind: 'StatefulSet', name: 'db' }],
        },
      }),
      apiPod('elsewhere', {
        patch: {
          ...waiting('CrashLoopBackOff'),
          'metadata.namespace': 'other',
        },
      }),
      apiPod('web-77aa-x', {
        patch: {
          ...waiting('CrashLoopBackOff'),
          'metadata.labels.pod-template-hash': '77aa',
          'metadata.ownerReferences.0.name': 'web-77aa',
        },
      }),
    ];
    expect(resultOf(objects, 'runtime-restarts', live).status).toBe('pass');
  });

  it('resolves pods through their ReplicaSet when it is in the input', () => {
    const replicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'custom-rs',
        namespace: 'shop',
        ownerReferences: [{ kind: 'Deployment', name: 'api' }],
      },
    };
    const crashing = apiPod('x', {
      patch: {
        ...waiting('CrashLoopBackOff'),
        'metadata.ownerReferences.0.name': 'custom-rs',
      },
    });
    expect(
      resultOf([deployment(), replicaSet, crashing], 'runtime-restarts', live)
        .status,
    ).toBe('fail');
  });

  it('is unknown without pods, and reads a bare Pod itself', () => {
    expect(resultOf([deployment()], 'runtime-restarts', live).status).toBe(
      'unknown',
    );
    const bare = pod({
      status: { containerStatuses: [{ name: 'api', restartCount: 7 }] },
    });
    expect(
      resultOf([bare], 'runtime-restarts', { kind: 'Pod', ...live }).status,
    ).toBe('fail');
  });
});
