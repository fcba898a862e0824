export { parseManifests } from './parseManifests';
export type { ParsedManifests } from './parseManifests';
export { isDockerfileName } from './isDockerfileName';
