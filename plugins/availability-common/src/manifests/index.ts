export { parseManifests } from './parseManifests';
export type { ParsedManifests } from './parseManifests';
export { isDockerfileName } from './isDockerfileName';
export {
  collectInputs,
  inputEntryType,
  isSkippedDirectory,
  isWalkedFile,
  kustomizationWarnings,
} from './collectInputs';
export type {
  CollectedInputs,
  CollectInputsOptions,
  InputEntryType,
  InputFileSystem,
} from './collectInputs';
