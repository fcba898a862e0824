import { dockerfileResult, applyFix, FIXED } from './__fixtures__/dockerfiles';

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

  it.each([
    ['FROM nginx:1\nEXPOSE 8000', 'http://localhost:8000/<health path>'],
    [
      'FROM nginx:1 AS base\nEXPOSE 53/udp 9000/tcp\nFROM base',
      'localhost:9000/',
    ],
    ['FROM nginx:1\nEXPOSE 8000 9090', 'the ports it EXPOSEs, 8000, 9090'],
    ['FROM nginx:1', 'http://localhost:<port>/'],
    ['FROM nginx:1', 'EXPOSEs no port'],
  ])('builds the fix for %p from it: %p', (content, expected) => {
    expect(
      dockerfileResult(content, 'dockerfile-healthcheck').remediation,
    ).toContain(expected);
  });

  it('never probes a port the Dockerfile does not EXPOSE', () => {
    expect(
      dockerfileResult('FROM nginx:1\nEXPOSE 8000', 'dockerfile-healthcheck')
        .remediation,
    ).not.toContain('8080');
  });

  it.each([
    'FROM nginx:1\nEXPOSE 8000',
    'FROM nginx:1\nUSER nginx\nHEALTHCHECK NONE\nCMD ["nginx"]',
    'FROM node:22 AS build\nRUN make\nFROM nginx:1\nCOPY --from=build /out /srv\nUSER nginx',
  ])('applied to %p, the fix makes it pass and breaks nothing', content => {
    expect(applyFix(content, 'dockerfile-healthcheck')).toMatchObject(FIXED);
  });
});
