import { dockerfileResult } from './__fixtures__/dockerfiles';
import { evaluate } from '../engine/evaluate';

describe('dockerfile-dockerignore', () => {
  it.each([
    [true, 'pass'],
    [false, 'fail'],
  ])('hasDockerignore %p gives %s', (has, status) => {
    expect(
      dockerfileResult('FROM nginx:1', 'dockerfile-dockerignore', has).status,
    ).toBe(status);
  });

  it('reports Dockerfiles as their own entries', () => {
    const report = evaluate([], {
      dockerfiles: [
        {
          path: 'svc/Dockerfile',
          content: 'FROM nginx:1',
          hasDockerignore: false,
        },
      ],
    });
    expect(report.workloads).toHaveLength(1);
    expect(report.workloads[0]).toMatchObject({
      kind: 'Dockerfile',
      name: 'svc/Dockerfile',
      namespace: '',
      source: { path: 'svc/Dockerfile' },
    });
    expect(report.workloads[0]).not.toHaveProperty('cluster');
    expect(report.workloads[0].checks.map(c => c.id)).toEqual([
      'dockerfile-pinned-base',
      'dockerfile-non-root',
      'dockerfile-multi-stage',
      'dockerfile-healthcheck',
      'dockerfile-dockerignore',
    ]);
  });
});
