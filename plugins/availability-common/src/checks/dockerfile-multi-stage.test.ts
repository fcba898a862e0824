import { dockerfileResult } from './__fixtures__/dockerfiles';

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
});
