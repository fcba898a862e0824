import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { availabilityPermissions } from '@availability-backstage/plugin-availability-common';
import { registerAvailabilityActions } from './actions';
import { readAvailabilityBackendConfig } from './config';
import { DatabaseAvailabilityStore } from './database/DatabaseAvailabilityStore';
import { AvailabilityService } from './service/AvailabilityService';
import { KubernetesBackendObjectsSource } from './service/KubernetesBackendObjectsSource';
import { KubernetesProxyNodesSource } from './service/KubernetesProxyNodesSource';
import { LevelChangeNotifier } from './service/notifyLevelChanges';
import { scheduleRefreshTask } from './service/refreshTask';
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
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const config = readAvailabilityBackendConfig(deps.config);
        const store = await DatabaseAvailabilityStore.create({
          database: deps.database,
          historyLimit: config.historyLimit,
        });
        const source = KubernetesBackendObjectsSource.create({
          discovery: deps.discovery,
          auth: deps.auth,
          timeoutMs: config.requestTimeoutMs,
        });
        const service = AvailabilityService.create({
          logger: deps.logger,
          store,
          source,
          nodes: KubernetesProxyNodesSource.create({
            discovery: deps.discovery,
            auth: deps.auth,
            timeoutMs: config.requestTimeoutMs,
          }),
          nodeCacheTtlMs: config.nodeCacheTtlMs,
          catalog: deps.catalog,
          auth: deps.auth,
          evaluation: config.evaluation,
          concurrency: config.concurrency,
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
          catalog: deps.catalog,
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
