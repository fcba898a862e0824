import type { KubeApiEmulator } from './types';

/**
 * Options of {@link kubernetesConfigFor}.
 *
 * @public
 */
export interface KubernetesConfigOptions {
  /**
   * Whether the kubernetes backend skips asking the clusters for pod metrics.
   * Defaults to true: the checks do not read metrics, so fetching them only
   * slows every request down.
   */
  skipMetricsLookup?: boolean;
}

/**
 * One cluster entry of the kubernetes backend's `config` cluster locator.
 *
 * @public
 */
export type EmulatedClusterConfig = {
  name: string;
  url: string;
  authProvider: 'serviceAccount';
  serviceAccountToken: string;
  skipTLSVerify: boolean;
  skipMetricsLookup: boolean;
};

/**
 * The `kubernetes:` config block that points the kubernetes backend at the
 * emulator's clusters. A type rather than an interface, so that it fits
 * where config data (a JSON object) is expected.
 *
 * @public
 */
export type EmulatorKubernetesConfig = {
  serviceLocatorMethod: { type: 'multiTenant' };
  clusterLocatorMethods: Array<{
    type: 'config';
    clusters: EmulatedClusterConfig[];
  }>;
};

/**
 * The `kubernetes:` config block that points the kubernetes backend at every
 * cluster of a running emulator, with the token each accepts.
 *
 * @example
 * ```ts
 * const emulator = await startKubeApiEmulator({});
 * mockServices.rootConfig.factory({
 *   data: { kubernetes: kubernetesConfigFor(emulator) },
 * });
 * ```
 *
 * @public
 */
export function kubernetesConfigFor(
  emulator: Pick<KubeApiEmulator, 'clusters'>,
  options: KubernetesConfigOptions = {},
): EmulatorKubernetesConfig {
  const skipMetricsLookup = options.skipMetricsLookup ?? true;
  return {
    // Every cluster is asked about every entity: the demo portal's way.
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: emulator.clusters.map(cluster => ({
          name: cluster.name,
          url: cluster.url,
          authProvider: 'serviceAccount',
          serviceAccountToken: cluster.token,
          // The emulator speaks plain HTTP.
          skipTLSVerify: true,
          skipMetricsLookup,
        })),
      },
    ],
  };
}
