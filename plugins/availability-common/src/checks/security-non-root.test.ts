import { deployment, resultOf } from './__fixtures__/objects';

const pod = 'spec.template.spec.securityContext';
const container = 'spec.template.spec.containers.0.securityContext';

describe('security-non-root', () => {
  it.each([
    ['runAsNonRoot on the container', {}, { runAsNonRoot: true }, 'pass'],
    ['runAsUser on the container', {}, { runAsUser: 1000 }, 'pass'],
    ['runAsNonRoot on the pod', { runAsNonRoot: true }, {}, 'pass'],
    ['runAsUser on the pod', { runAsUser: 1000 }, null, 'pass'],
    ['runAsUser "1000" as a string', {}, { runAsUser: '1000' }, 'pass'],
    ['nothing', {}, {}, 'fail'],
    ['runAsNonRoot false', {}, { runAsNonRoot: false }, 'fail'],
    [
      'runAsNonRoot with runAsUser 0',
      {},
      { runAsNonRoot: true, runAsUser: 0 },
      'fail',
    ],
    [
      'pod runAsUser 0 overridden by the container',
      { runAsUser: 0 },
      { runAsUser: 1000 },
      'pass',
    ],
    [
      'pod non-root, container runAsUser 0',
      { runAsNonRoot: true },
      { runAsUser: 0 },
      'fail',
    ],
    [
      'container runAsNonRoot false over pod true',
      { runAsNonRoot: true },
      { runAsNonRoot: false },
      'fail',
    ],
    ['runAsNonRoot "true" as a string', {}, { runAsNonRoot: 'true' }, 'fail'],
  ])('%s gives %s', (_, podContext, containerContext, status) => {
    const object = deployment({
      [pod]: podContext,
      [container]: containerContext,
    });
    expect(resultOf([object], 'security-non-root').status).toBe(status);
  });

  it('checks init containers and names root users', () => {
    const object = deployment({
      'spec.template.spec.initContainers': [
        {
          name: 'chown',
          image: 'busybox:1',
          securityContext: { runAsUser: 0 },
        },
      ],
    });
    const result = resultOf([object], 'security-non-root');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('"chown" sets runAsUser: 0');
  });
});
