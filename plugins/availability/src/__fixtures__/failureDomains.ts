import {
  analyzeFailureDomains,
  ClustersResponse,
  EntityObjectsResponse,
  EntityReportInput,
  evaluate,
  ExemptionsResponse,
  WorkloadEvidence,
} from '@availability-backstage/plugin-availability-common';

/** A single-replica Deployment in prod-eu, as the backend stores it. */
export const entityObjects: EntityObjectsResponse = {
  entityRef: 'component:default/checkout',
  config: {},
  objects: [
    {
      cluster: 'prod-eu',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'checkout', namespace: 'shop' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'checkout' } },
          template: {
            metadata: { labels: { app: 'checkout' } },
            spec: {
              containers: [
                {
                  name: 'checkout',
                  image: 'checkout:1.2.3',
                  ports: [{ containerPort: 8080 }],
                },
              ],
            },
          },
        },
      } as EntityObjectsResponse['objects'][number]['object'],
    },
  ],
};

/** The stored report of {@link entityObjects}. */
export const objectsReport = evaluate(entityObjects.objects);

export const clusters: ClustersResponse = {
  items: [
    {
      cluster: 'prod-eu',
      nodes: 3,
      zones: 2,
      entities: 2,
      refreshedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
};

const pod = (name: string, node: string, zone: string) => ({
  name,
  node,
  zone,
  ready: true,
  restarts: 0,
});

/** An entity with one live Deployment in prod-eu. */
function liveEntity(
  entityRef: string,
  namespace: string,
  name: string,
  evidence: WorkloadEvidence,
): EntityReportInput {
  const level = 'silver' as const;
  return {
    entityRef,
    ...(name === 'cart' ? { title: 'Cart' } : {}),
    report: {
      score: 80,
      level,
      errors: [],
      workloads: [
        {
          kind: 'Deployment',
          namespace,
          name,
          cluster: 'prod-eu',
          score: 80,
          level,
          checks: [],
          evidence,
        },
      ],
    },
  };
}

export const failureDomains = analyzeFailureDomains({
  cluster: 'prod-eu',
  nodes: [
    { name: 'eu-a-1', zone: 'eu-1a' },
    { name: 'eu-a-2', zone: 'eu-1a' },
    { name: 'eu-b-1', zone: 'eu-1b' },
  ],
  entities: [
    liveEntity('component:default/cart', 'shop', 'cart', {
      pods: [
        pod('cart-1', 'eu-a-1', 'eu-1a'),
        pod('cart-2', 'eu-a-1', 'eu-1a'),
      ],
    }),
    liveEntity('component:default/search', 'data', 'search', {
      pods: [
        pod('search-1', 'eu-a-2', 'eu-1a'),
        pod('search-2', 'eu-b-1', 'eu-1b'),
      ],
      pdbs: [
        {
          name: 'search',
          budget: 'minAvailable "100%"',
          blocksEveryEviction: true,
          disruptionsAllowed: 0,
        },
      ],
    }),
  ],
});

export const exemptions: ExemptionsResponse = {
  horizonDays: 365,
  items: [
    {
      entityRef: 'component:default/reports',
      owner: 'group:default/data',
      object: {
        kind: 'Deployment',
        namespace: 'data',
        name: 'reports',
        cluster: 'prod-eu',
      },
      check: 'security-read-only-fs',
      severity: 'low',
      origin: 'object',
      reason: 'Writes its PDF cache to the root filesystem',
      until: null,
      score: 46,
      level: 'none',
      scoreIfLapsed: 45,
      levelIfLapsed: 'none',
      flag: 'never expires',
    },
  ],
};
