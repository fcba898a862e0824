import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';

/** What the fake answers to one of the kubernetes backend's routes. */
export interface KubeAnswer {
  status: number;
  body: unknown;
}

/**
 * Stands in for the kubernetes backend in `startTestBackend`, answering its
 * object queries as it does, with answers a test sets and changes.
 */
export function fakeKubernetesBackend() {
  const answers: { workloads: KubeAnswer; custom: KubeAnswer } = {
    workloads: { status: 200, body: { items: [] } },
    custom: { status: 200, body: { items: [] } },
  };
  const plugin = createBackendPlugin({
    pluginId: 'kubernetes',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = express.Router();
          router.use(express.json());
          router.post('/resources/workloads/query', (_req, res) => {
            res.status(answers.workloads.status).json(answers.workloads.body);
          });
          router.post('/resources/custom/query', (_req, res) => {
            res.status(answers.custom.status).json(answers.custom.body);
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, answers };
}

/**
 * The objects of one cluster in a {@link workloadsAnswer}; without `pods`
 * the cluster's answer has no pod list at all.
 */
export interface ClusterObjects {
  deployments: unknown[];
  pods?: unknown[];
}

/** The kubernetes backend's answer listing the given objects per cluster. */
export function workloadsAnswer(
  objectsByCluster: Record<string, ClusterObjects>,
): KubeAnswer {
  return {
    status: 200,
    body: {
      items: Object.entries(objectsByCluster).map(
        ([cluster, { deployments, pods }]) => ({
          cluster: { name: cluster },
          resources: [
            { type: 'deployments', resources: deployments },
            ...(pods ? [{ type: 'pods', resources: pods }] : []),
          ],
          errors: [],
          podMetrics: [],
        }),
      ),
    },
  };
}

/**
 * A Deployment of the given replicas with a readiness probe and nothing
 * else, as the kubernetes backend lists it (without `apiVersion` and `kind`).
 */
export function deployment(name: string, replicas: number) {
  return {
    metadata: { name, namespace: 'shop', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name,
              image: `${name}:1.0.0`,
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
            },
          ],
        },
      },
    },
  };
}
