import {
  AvailabilityFacets,
  AvailabilitySummary,
  CheckInfo,
  EntityReportResponse,
  EntityReportSummary,
} from '@availability-backstage/plugin-availability-common';
import { Entity } from '@backstage/catalog-model';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

export const checks: CheckInfo[] = [
  {
    id: 'replicas-min',
    title: 'At least two replicas',
    description: 'A single replica is a single point of failure.',
    severity: 'critical',
    category: 'static',
  },
  {
    id: 'pdb-present',
    title: 'PodDisruptionBudget present',
    description: 'Voluntary evictions must not take every pod down.',
    severity: 'high',
    category: 'static',
  },
  {
    id: 'network-policy',
    title: 'NetworkPolicy present',
    description: 'Traffic is limited to what the workload needs.',
    severity: 'medium',
    category: 'static',
  },
];

export const entityReport: EntityReportResponse = {
  entityRef: 'component:default/checkout',
  report: {
    score: 62,
    level: 'bronze',
    errors: [],
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'checkout-api',
        cluster: 'prod-eu',
        score: 62,
        level: 'bronze',
        evidence: {
          replicas: { desired: 1, ready: 1 },
          pods: [
            {
              name: 'checkout-api-7d9f-abcde',
              node: 'node-a',
              zone: 'eu-west-1a',
              ready: true,
              restarts: 6,
            },
          ],
        },
        checks: [
          {
            id: 'graceful-shutdown',
            status: 'fail',
            severity: 'low',
            message: 'container api has no preStop hook',
            remediation: null,
            reason: null,
          },
          {
            id: 'replicas-min',
            status: 'fail',
            severity: 'critical',
            message: '1 replica; at least 2 are needed',
            remediation:
              'Run at least two replicas:\n```yaml\nspec:\n  replicas: 3\n```',
            reason: null,
          },
          {
            id: 'pdb-present',
            status: 'fail',
            severity: 'high',
            message: 'no PodDisruptionBudget selects the pods',
            remediation:
              'Add a PodDisruptionBudget:\napiVersion: policy/v1\nkind: PodDisruptionBudget',
            reason: null,
          },
          {
            id: 'network-policy',
            status: 'exempt',
            severity: 'medium',
            message: 'no NetworkPolicy selects the pods',
            remediation: null,
            reason: 'the service mesh enforces traffic policy',
            until: '2099-12-31',
          },
          {
            id: 'probe-readiness',
            status: 'pass',
            severity: 'high',
            message: 'every container has a readiness probe',
            remediation: null,
            reason: null,
          },
        ],
      },
    ],
  },
  clusters: [
    { cluster: 'prod-eu', status: 'ok' },
    { cluster: 'prod-us', status: 'error', message: '403 Forbidden' },
  ],
  refreshedAt: '2025-03-10T10:00:00.000Z',
  stale: true,
  lastError: {
    message: 'prod-us: 403 Forbidden',
    at: '2025-03-10T11:00:00.000Z',
  },
  history: [
    {
      refreshedAt: '2025-03-09T10:00:00.000Z',
      score: 55,
      level: 'bronze',
      failingChecks: ['replicas-min'],
    },
    {
      refreshedAt: '2025-03-10T10:00:00.000Z',
      score: 62,
      level: 'bronze',
      failingChecks: ['replicas-min'],
    },
  ],
};

export function reportRow(
  name: string,
  partial: Partial<EntityReportSummary> = {},
): EntityReportSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner: 'group:default/team-a',
    system: 'shop',
    lifecycle: 'production',
    score: 62,
    level: 'bronze',
    failingChecks: ['replicas-min', 'pdb-present'],
    refreshedAt: '2025-03-10T10:00:00.000Z',
    stale: false,
    ...partial,
  };
}

export const summary: AvailabilitySummary = {
  totalEntities: 3,
  averageScore: 71.4,
  unscored: { noWorkloads: 1, notJudged: 0 },
  byLevel: { gold: 1, silver: 0, bronze: 1, none: 1 },
  byOwner: [
    {
      owner: 'group:default/team-a',
      entities: 2,
      averageScore: 81,
      byLevel: { gold: 1, silver: 0, bronze: 1, none: 0 },
      previous: { averageScore: 74, since: '2025-03-03' },
    },
    {
      owner: 'group:default/team-b',
      entities: 1,
      averageScore: 40,
      byLevel: { gold: 0, silver: 0, bronze: 0, none: 1 },
      previous: null,
    },
  ],
  byCheck: [
    { id: 'pdb-present', failing: 2, movesUp: 0 },
    { id: 'replicas-min', failing: 1, movesUp: 1 },
  ],
  trend: [
    {
      date: '2025-03-09',
      averageScore: 65,
      byLevel: { gold: 0, silver: 1, bronze: 1, none: 1 },
    },
    {
      date: '2025-03-10',
      averageScore: 71.4,
      byLevel: { gold: 1, silver: 0, bronze: 1, none: 1 },
    },
  ],
};

export const facets: AvailabilityFacets = {
  owner: [
    { value: 'group:default/team-a', count: 2 },
    { value: 'group:default/team-b', count: 1 },
  ],
  system: [{ value: 'system:default/shop', count: 3 }],
  kind: [{ value: 'component', count: 3 }],
  lifecycle: [
    { value: 'production', count: 2 },
    { value: 'experimental', count: 1 },
  ],
  failingCheck: [
    { value: 'pdb-present', count: 2 },
    { value: 'replicas-min', count: 1 },
  ],
};
