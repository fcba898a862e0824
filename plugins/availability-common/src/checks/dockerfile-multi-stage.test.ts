import { dockerfileResult, applyFix, FIXED } from './__fixtures__/dockerfiles';

describe('dockerfile-multi-stage', () => {
  it.each([
    [
      'FROM node:22 AS build\nRUN make\nFROM nginx:1\nCOPY --from=build /out /srv',
      'pass',
    ],
    ['FROM node:22\nRUN make\nFROM nginx:1\nCOPY --from=0 /out /srv', 'pass'],
    [
      'FROM node:22 AS build\nFROM nginx:1\nCOPY --chown=app --from=BUILD /out /srv',
      'pass',
    ],
    ['FROM node:22\nRUN make', 'fail'],
    ['FROM node:22 AS build\nFROM nginx:1\nCOPY . /srv', 'fail'],
    [
      'FROM node:22 AS build\nFROM nginx:1\nCOPY --from=busybox:1 /bin/sh /sh',
      'fail',
    ],
    ['FROM node:22 AS build\nCOPY --from=build /a /b\nFROM nginx:1', 'fail'],
  ])('%p gives %s', (content, status) => {
    expect(dockerfileResult(content, 'dockerfile-multi-stage').status).toBe(
      status,
    );
  });

  it('splits a single stage on its own base, repeating what the image runs with', () => {
    const { remediation } = dockerfileResult(
      'FROM --platform=linux/amd64 python:3.13\nWORKDIR /app\nCOPY . .\nRUN make\nEXPOSE 8000\nUSER 10001\nCMD ["./app"]',
      'dockerfile-multi-stage',
    );
    expect(remediation).toContain(
      '# replaces line 1\nFROM --platform=linux/amd64 python:3.13 AS build',
    );
    expect(remediation).toContain(
      [
        'FROM --platform=linux/amd64 python:3.13',
        'WORKDIR /app',
        'COPY --from=build /app/<build output> /app/<build output>',
        'EXPOSE 8000',
        'USER 10001',
        'CMD ["./app"]',
      ].join('\n'),
    );
  });

  it('names the user to create when the final stage needs it', () => {
    expect(
      dockerfileResult('FROM node:22\nUSER app', 'dockerfile-multi-stage')
        .remediation,
    ).toContain('USER app must exist in the final stage too');
  });

  it.each([
    'FROM node:22.11\nWORKDIR /src\nCOPY . .\nRUN npm ci\nUSER node\nHEALTHCHECK --interval=5s CMD true\nCMD ["node", "dist/index.js"]',
    'FROM node:22 AS base\nRUN make',
    'ARG BASE=node:22\nFROM ${BASE}\nRUN make',
    'FROM node:22 AS build\nFROM nginx:1\nCOPY . /srv\nUSER nginx',
    'FROM node:22\nFROM nginx:1',
  ])('applied to %p, the fix makes it pass and breaks nothing', content => {
    expect(applyFix(content, 'dockerfile-multi-stage')).toMatchObject(FIXED);
  });
});
