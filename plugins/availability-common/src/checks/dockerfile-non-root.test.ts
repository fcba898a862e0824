import { dockerfileResult } from './__fixtures__/dockerfiles';

describe('dockerfile-non-root', () => {
  it.each([
    ['FROM node:22\nUSER node', 'pass'],
    ['FROM node:22\nUSER 10001:10001', 'pass'],
    ['FROM node:22\nUSER root', 'fail'],
    ['FROM node:22\nUSER 0:0', 'fail'],
    ['FROM node:22\nUSER app\nRUN x\nUSER root', 'fail'],
    ['FROM node:22\nUSER root\nRUN apt-get update\nUSER app', 'pass'],
    ['FROM node:22', 'fail'],
    ['FROM node:22 AS build\nUSER app\nFROM nginx:1', 'fail'],
    ['FROM node:22 AS base\nUSER app\nFROM base', 'pass'],
    ['', 'fail'],
  ])('%p gives %s', (content, status) => {
    expect(dockerfileResult(content, 'dockerfile-non-root').status).toBe(
      status,
    );
  });

  it('suggests a USER line', () => {
    expect(
      dockerfileResult('FROM node:22', 'dockerfile-non-root').remediation,
    ).toContain('USER 10001');
  });
});
