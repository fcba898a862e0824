import { dockerfileResult } from './__fixtures__/dockerfiles';

describe('dockerfile-healthcheck', () => {
  it.each([
    [
      'FROM nginx:1\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      'pass',
    ],
    [
      'FROM nginx:1\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/',
      'pass',
    ],
    ['FROM nginx:1\nHEALTHCHECK NONE', 'fail'],
    ['FROM nginx:1', 'fail'],
    ['FROM nginx:1 AS base\nHEALTHCHECK CMD true\nFROM base', 'pass'],
    ['FROM nginx:1 AS build\nHEALTHCHECK CMD true\nFROM nginx:1', 'fail'],
    ['FROM nginx:1\nRUN <<EOF\nHEALTHCHECK CMD true\nEOF', 'fail'],
    ['FROM nginx:1\n# HEALTHCHECK CMD true', 'fail'],
  ])('%p gives %s', (content, status) => {
    expect(dockerfileResult(content, 'dockerfile-healthcheck').status).toBe(
      status,
    );
  });
});
