import {
  dockerfileResult,
  dockerfileResults,
} from './__fixtures__/dockerfiles';
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

  const patternsOf = (content: string) => {
    const { remediation } = dockerfileResult(
      content,
      'dockerfile-dockerignore',
      false,
    );
    return /```\n([\s\S]*?)\n```/.exec(remediation ?? '')![1].split('\n');
  };

  it.each([
    [
      'FROM node:22\nCOPY package.json yarn.lock ./\nCOPY ["src", "/app/src"]\nADD https://example.com/a.tgz /a\nCOPY --from=busybox:1 /bin/sh /sh',
      ['*', '!package.json', '!yarn.lock', '!src'],
    ],
    ['FROM node:22\nCOPY ./dist/ /srv', ['*', '!dist']],
    ['FROM nginx:1', ['*']],
    ['FROM node:22\nCOPY . .\nRUN npm ci', ['.git', '**/.env', 'node_modules']],
    ['FROM golang:1.23\nCOPY . .\nRUN go build', ['.git', '**/.env']],
    [
      'FROM golang:1.23\nRUN --mount=type=bind,target=/src go build',
      ['.git', '**/.env'],
    ],
    ['ARG SRC\nFROM node:22\nCOPY $SRC /app', ['.git', '**/.env']],
  ])(
    'builds the .dockerignore for %p from what it copies',
    (content, patterns) => {
      expect(patternsOf(content)).toEqual(patterns);
    },
  );

  it('names the file beside the Dockerfile', () => {
    expect(
      dockerfileResult('FROM nginx:1', 'dockerfile-dockerignore', false)
        .remediation,
    ).toContain('Add `app/.dockerignore`');
  });

  it.each([
    'FROM node:22\nCOPY src /app/src\nUSER node',
    'FROM node:22\nCOPY . .\nRUN npm ci',
  ])('applied to %p, the fix makes it pass and breaks nothing', content => {
    const before = dockerfileResults(content, false);
    // Adding the file is the fix: the check reads only whether it exists.
    const after = dockerfileResults(content, true);
    expect(after.find(c => c.id === 'dockerfile-dockerignore')?.status).toBe(
      'pass',
    );
    for (const check of before.filter(c => c.status === 'pass')) {
      expect([check.id, after.find(c => c.id === check.id)?.status]).toEqual([
        check.id,
        'pass',
      ]);
    }
  });
});
