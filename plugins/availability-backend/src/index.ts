/**
 * The availability backend plugin: availability reports of the catalog's
 * Kubernetes workloads, refreshed on a schedule and served over REST.
 *
 * @packageDocumentation
 */

export { availabilityPlugin as default } from './plugin';
export * from './database/AvailabilityStore';
export * from './service/KubernetesObjectsSource';
export * from './service/ClusterNodesSource';
