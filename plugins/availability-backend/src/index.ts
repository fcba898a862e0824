/**
 * The availability backend plugin: availability reports of the catalog's
 * Kubernetes workloads, refreshed on a schedule and served over REST.
 *
 * @packageDocumentation
 */

export { availabilityPlugin as default } from './plugin';
export * from './config';
export * from './database/AvailabilityStore';
export { DatabaseAvailabilityStore } from './database/DatabaseAvailabilityStore';
export * from './service/AvailabilityService';
export * from './service/KubernetesObjectsSource';
export * from './service/KubernetesBackendObjectsSource';
export * from './service/ClusterNodesSource';
export * from './service/ClusterNodesCache';
export * from './service/KubernetesProxyNodesSource';
export { createLimiter, type Limiter } from './service/limiter';
export { REFRESH_TASK_ID } from './service/refreshTask';
