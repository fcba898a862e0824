import { dockerfileResult, applyFix, FIXED } from './__fixtures__/dockerfiles';

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
      dockerfileResult('FROM python:3.13', 'dockerfile-non-root').remediation,
    ).toContain('USER 10001');
  });

  it.each([
    ['FROM node:22', 'USER node'],
    ['FROM node:22 AS base\nFROM base', 'USER node'],
    ['FROM python:3.13\nUSER app:app\nRUN x\nUSER root', 'USER app:app'],
    ['FROM python:3.13\nWORKDIR /srv', 'RUN chown -R 10001:10001 /srv'],
  ])('builds the fix for %p from it: %p', (content, expected) => {
    expect(
      dockerfileResult(content, 'dockerfile-non-root').remediation,
    ).toContain(expected);
  });

  it.each([
    'FROM node:22',
    'FROM python:3.13\nWORKDIR /srv\nHEALTHCHECK CMD true\nCMD ["python", "app.py"]',
    'FROM node:22\nUSER app\nRUN x\nUSER root',
    'FROM node:22 AS build\nUSER app\nFROM nginx:1\nCOPY --from=build /a /b',
  ])('applied to %p, the fix makes it pass and breaks nothing', content => {
    expect(applyFix(content, 'dockerfile-non-root')).toMatchObject(FIXED);
  });
});
