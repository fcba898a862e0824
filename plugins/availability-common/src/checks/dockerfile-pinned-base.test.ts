import { dockerfileResult, applyFix, FIXED } from './__fixtures__/dockerfiles';

describe('dockerfile-pinned-base', () => {
  it.each([
    ['FROM node:22.11', 'pass'],
    ['FROM node@sha256:abc', 'pass'],
    ['FROM --platform=linux/amd64 node:22 AS build', 'pass'],
    ['FROM node', 'fail'],
    ['FROM node:latest', 'fail'],
    ['from node:latest as build', 'fail'],
    ['FROM registry:5000/team/base', 'fail'],
    ['FROM scratch', 'pass'],
    ['FROM node:22 AS build\nFROM build', 'pass'],
    ['FROM node:22 AS Build\nFROM build AS final', 'pass'],
    ['FROM node:22 AS build\nFROM 0', 'pass'],
    ['ARG BASE=node:22\nFROM ${BASE}', 'pass'],
    ['ARG BASE=node:latest\nFROM $BASE', 'fail'],
    ['ARG BASE\nFROM ${BASE}', 'fail'],
    ['ARG TAG\nFROM node:${TAG:-22}', 'pass'],
    ['# FROM node\nFROM node:22', 'pass'],
    ['', 'fail'],
  ])('%p gives %s', (content, status) => {
    expect(dockerfileResult(content, 'dockerfile-pinned-base').status).toBe(
      status,
    );
  });

  it('gives the line of the unpinned FROM', () => {
    const result = dockerfileResult(
      'FROM node:22 AS build\n\nFROM nginx\n',
      'dockerfile-pinned-base',
    );
    expect(result.message).toContain('line 3: nginx has no tag');
  });
});

describe('dockerfile-pinned-base remediation', () => {
  it.each([
    'FROM node',
    'FROM node:latest\nUSER node',
    'FROM --platform=linux/amd64 node:alpine AS build\nRUN make\nFROM nginx\nCOPY --from=build /out /srv',
    'FROM registry:5000/team/base',
    'FROM',
  ])('applied to %p, pins it and breaks nothing', content => {
    expect(applyFix(content, 'dockerfile-pinned-base')).toMatchObject(FIXED);
  });

  it("pins the stage's own image, keeping its flags, alias and variant", () => {
    const { remediation } = dockerfileResult(
      'FROM --platform=linux/amd64 node:alpine AS build\nFROM registry:5000/team/base:latest',
      'dockerfile-pinned-base',
    );
    expect(remediation).toContain(
      '# replaces line 1\nFROM --platform=linux/amd64 node:<version>-alpine AS build',
    );
    expect(remediation).toContain(
      '# replaces line 2\nFROM registry:5000/team/base:<version>',
    );
  });

  it('points at the build argument when the image comes from one', () => {
    expect(
      dockerfileResult(
        'ARG BASE=node:latest\nFROM $BASE',
        'dockerfile-pinned-base',
      ).remediation,
    ).toContain(
      'Pin the default of the build argument BASE instead: `node:<version>`',
    );
    expect(
      dockerfileResult('ARG TAG\nFROM node:${TAG}', 'dockerfile-pinned-base')
        .remediation,
    ).toContain('`ARG TAG=<pinned value>`');
  });
});
