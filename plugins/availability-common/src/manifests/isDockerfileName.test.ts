import { isDockerfileName } from './isDockerfileName';

describe('isDockerfileName', () => {
  it.each([
    ['Dockerfile', true],
    ['dockerfile', true],
    ['api.Dockerfile', true],
    ['services/api/Dockerfile', true],
    ['C:\\src\\worker.Dockerfile', true],
    ['.Dockerfile', false],
    ['Dockerfile.yaml', false],
    ['Dockerfile.bak', false],
    ['deployment.yaml', false],
    ['MyDockerfile', false],
  ])('%s -> %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected);
  });
});
