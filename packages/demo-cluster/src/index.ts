/**
 * A Kubernetes API emulator serving demo clusters, for the demo portal and
 * for tests that reach clusters over HTTP.
 *
 * @packageDocumentation
 */

export {
  startKubeApiEmulator,
  DEMO_CLUSTERS_DIR,
} from './startKubeApiEmulator';
export { kubernetesConfigFor } from './kubernetesConfig';
export type {
  EmulatedClusterConfig,
  EmulatorKubernetesConfig,
  KubernetesConfigOptions,
} from './kubernetesConfig';
export { DEFAULT_EMULATOR_TOKEN } from './types';
export type {
  EmulatedCluster,
  EmulatorFault,
  KubeApiEmulator,
  KubeApiEmulatorOptions,
} from './types';
