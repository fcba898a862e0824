import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { availabilityPermissions } from '@availability-backstage/plugin-availability-common';
import { registerAvailabilityActions } from './actions';
import { readAvailabilityBackendConfig } from './config';
import { openDatabase } from './database/openDatabase';
import { AvailabilityService } from './service/AvailabilityService';
import { ClusterWideObjectsSource } from './service/cluster/ClusterWideObjectsSource';
import { KubernetesBackendObjectsSource } from './service/KubernetesBackendObjectsSource';
import { KubernetesProxyNodesSource } from './service/KubernetesProxyNodesSource';
import { LevelChangeNotifier } from './service/notifyLevelChanges';
import { createRefreshMetrics } from './service/refresh/refreshMetrics';
import { REFRESH_TASK_ID, scheduleRefreshTask } from './service/refreshTask';
import { createRouter } from './service/router';

/**
 * The availability backend plugin: refreshes, stores and serves availability
 * reports of catalog entities that run on Kubernetes.
 *
 * @public
 */
export const availabilityPlugin = createBackendPlugin({
  pluginId: 'availability',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        metrics: metricsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readAvailabilityBackendConfig(deps.config);
        const { store, runs } = await openDatabase({
          database: deps.database,
          historyLimit: config.historyLimit,
          heartbeatTimeoutMs: Math.max(60_000, 4 * config.clusterTimeoutMs),
        });
        const metrics = createRefreshMetrics(deps.metrics);
        const source =
          config.source === 'entity'
            ? KubernetesBackendObjectsSource.create({
                discovery: deps.discovery,
                auth: deps.auth,
                timeoutMs: config.requestTimeoutMs,
              })
            : ClusterWideObjectsSource.create({
                discovery: deps.discovery,
                auth: deps.auth,
                clusterTimeoutMs: config.clusterTimeoutMs,
              });
        const service = AvailabilityService.create({
          logger: deps.logger,
          store,
          runs,
          source,
          nodes: KubernetesProxyNodesSource.create({
            discovery: deps.discovery,
            auth: deps.auth,
            timeoutMs: config.clusterTimeoutMs,
          }),
          metrics,
          triggerRefresh: () => deps.scheduler.triggerTask(REFRESH_TASK_ID),
          nodeCacheTtlMs: config.nodeCacheTtlMs,
          catalog: deps.catalog,
          permissions: deps.permissions,
          auth: deps.auth,
          evaluation: config.evaluation,
          concurrency: config.concurrency,
          ledgerHorizonDays: config.ledgerHorizonDays,
          levelChanges: config.notifications.enabled
            ? LevelChangeNotifier.create({
                notifications: deps.notifications,
                config: config.notifications,
                logger: deps.logger,
              })
            : undefined,
        });

        deps.permissionsRegistry.addPermissions(availabilityPermissions);
        await scheduleRefreshTask({
          scheduler: deps.scheduler,
          schedule: config.schedule,
          service,
          logger: deps.logger,
        });

        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            evaluateMaxBodySize: config.evaluateMaxBodySize,
          }),
        );
        registerAvailabilityActions({
          actionsRegistry: deps.actionsRegistry,
          service,
          permissions: deps.permissions,
          evaluateMaxBodySize: config.evaluateMaxBodySize,
        });
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
