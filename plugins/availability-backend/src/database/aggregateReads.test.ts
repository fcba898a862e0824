import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  analyzeFailureDomains,
  type AvailabilityReport,
  type CheckResult,
  exemptionLedger,
  type WorkloadEvidence,
} from '@availability-backstage/plugin-availability-common';
import { DatabaseAvailabilityStore } from './DatabaseAvailabilityStore';
import { checkResult } from '../__testUtils__/reports';
import { exemptionColumn, workloadClusters } from './reportColumns';
import { entityColumns } from './reportWrites';

jest.setTimeout(60_000);

const databaseIds: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });
const directory = resolvePackagePath(
  '@availability-backstage/plugin-availability-backend',
  'migrations',
);

/** A report of one workload per cluster, each with the same checks. */
function report(
  clusterNames: Array<string | undefined>,
  checks: CheckResult[],
): AvailabilityReport {
  return {
    score: 70,
    level: 'bronze',
    errors: [],
    workloads: clusterNames.map((cluster, i) => ({
      kind: 'Deployment',
      namespace: 'shop',
      name: `api-${i}`,
      ...(cluster !== undefined
        ? { cluster, evidence: evidence(cluster, i) }
        : {}),
      score: 70,
      level: 'bronze',
      checks,
    })),
  };
}

/** Pods on two nodes of the cluster and a PDB, as a live entry carries them. */
function evidence(cluster: string, i: number): WorkloadEvidence {
  return {
    replicas: { desired: 2, ready: 2 },
    pods: [0, 1].map(p => ({
      name: `api-${i}-${p}`,
      node: `${cluster}-node-${(i + p) % 2}`,
      zone: `${cluster}-zone-${p}`,
      ready: true,
      restarts: 0,
    })),
    pdbs: [
      {
        name: `api-${i}`,
        budget: 'minAvailable 1',
        blocksEveryEviction: false,
        disruptionsAllowed: 1,
        desiredHealthy: 1,
        currentHealthy: 2,
      },
    ],
  };
}

const passing = [
  checkResult('probe-readiness', 'pass', { severity: 'critical' }),
  checkResult('replicas-min', 'fail', {
    remediation: 'Set spec.replicas to 2',
  }),
  checkResult('runtime-ready', 'unknown'),
];
const exempt = (id: string, extra: Partial<CheckResult> = {}) =>
  checkResult(id, 'exempt', { reason: `waived ${id}`, ...extra });

/** Entity name, owner, the report's workload clusters and checks. */
const SEEDS: Array<[string, string, Array<string | undefined>, CheckResult[]]> =
  [
    ['api', 'team-a', ['prod-eu', 'prod-us', 'prod-eu'], passing],
    [
      'web',
      'team-b',
      ['prod_eu', undefined],
      [...passing, exempt('pdb-present', { until: '2027-01-01' })],
    ],
    [
      'db',
      'team-a',
      ['a%"b\\c'],
      [
        exempt('spread-zones', { exemptedBy: 'entity', until: null }),
        ...passing,
        exempt('probe-liveness', {
          severity: 'critical',
          exemptedBy: 'object',
        }),
      ],
    ],
    ['manifest', 'team-b', [undefined], [exempt('pdb-present')]],
  ];

const refOf = (name: string) => `component:default/${name}`;
const failedEntity = {
  entityRef: refOf('failed'),
  kind: 'Component',
  namespace: 'default',
  name: 'failed',
};

describe.each(databaseIds)('the aggregate reads on %s', databaseId => {
  async function seededStore() {
    const knex = await databases.init(databaseId);
    const store = await DatabaseAvailabilityStore.create({
      database: { getClient: async () => knex, migrations: { skip: false } },
    });
    for (const [i, [name, owner, on, checks]] of SEEDS.entries()) {
      await store.saveReport({
        entity: {
          entityRef: refOf(name),
          kind: 'Component',
          namespace: 'default',
          name,
          title: `The ${name}`,
          owner: `group:default/${owner}`,
        },
        report: report(on, checks),
        clusters: [{ cluster: 'asked', status: 'ok' }],
        refreshedAt: new Date(Date.UTC(2026, 5, 1, i)),
      });
    }
    // A failed refresh asks other clusters; the report's stay.
    await store.saveFailure({
      entity: { ...failedEntity, entityRef: refOf('api'), name: 'api' },
      clusters: [{ cluster: 'elsewhere', status: 'error', message: 'down' }],
      message: 'down',
      failedAt: new Date(Date.UTC(2026, 5, 2)),
    });
    return { knex, store };
  }

  it("lists each report's workload clusters, not the clusters asked, within the scope", async () => {
    const { store } = await seededStore();
    const latest = await store.listLatestReports({});
    await expect(store.listReportClusters()).resolves.toEqual(
      latest.map(r => ({
        entityRef: r.entityRef,
        clusters: workloadClusters(r.report),
        refreshedAt: r.refreshedAt,
      })),
    );
    await expect(
      store.listReportClusters({
        visibleEntityRefs: new Set([refOf('api'), refOf('nobody')]),
      }),
    ).resolves.toEqual([
      {
        entityRef: refOf('api'),
        clusters: ['prod-eu', 'prod-us'],
        refreshedAt: '2026-06-01T00:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['prod-eu', ['api']],
    ['prod_eu', ['web']],
    ['prod%eu', []],
    ['a%"b\\c', ['db']],
    ['asked', []],
  ])(
    'gives the failure-domain analyses only the reports with workloads on %s, without their checks',
    async (cluster, names) => {
      const { store } = await seededStore();
      const whole = (await store.listLatestReports({})).filter(r =>
        names.includes(r.entityRef.split('/')[1]),
      );
      const trimmed = await store.listClusterReports(cluster);
      expect(trimmed.map(r => r.entityRef)).toEqual(
        whole.map(r => r.entityRef),
      );
      expect(
        trimmed.flatMap(r => r.report.workloads.flatMap(w => w.checks)),
      ).toEqual([]);
      const analysis = analyzeFailureDomains({ cluster, entities: trimmed });
      expect(analysis).toEqual(
        analyzeFailureDomains({ cluster, entities: whole }),
      );
      // Each entity's live workloads are there to analyse.
      expect(analysis.blastRadius.workloads).toHaveLength(
        whole.flatMap(r =>
          r.report.workloads.filter(w => w.cluster === cluster),
        ).length,
      );
    },
  );

  it('parses whole a report that a replica older than the live-evidence column wrote', async () => {
    const { knex, store } = await seededStore();
    await knex('availability_reports')
      .where('entity_ref', refOf('api'))
      .update({ live_evidence: null });
    const [api] = await store.listLatestReports({
      entityRef: [refOf('api')],
    });
    await expect(store.listClusterReports('prod-eu')).resolves.toEqual([api]);
  });

  it('keeps the cluster reads within the scope', async () => {
    const { store } = await seededStore();
    const scope = { visibleEntityRefs: new Set([refOf('web')]) };
    await expect(store.listClusterReports('prod-eu', scope)).resolves.toEqual(
      [],
    );
    await expect(
      store.listClusterReports('prod_eu', scope),
    ).resolves.toMatchObject([{ entityRef: refOf('web') }]);
  });

  it.each([
    [{}, {}],
    [{ owner: ['group:default/team-a'] }, {}],
    [{}, { visibleEntityRefs: new Set([refOf('web'), refOf('manifest')]) }],
    [{ text: 'manifest' }, { visibleEntityRefs: new Set([refOf('web')]) }],
  ])(
    'gives the exemption ledger the same rows as the whole reports (%j)',
    async (filter, scope) => {
      const { store } = await seededStore();
      const now = new Date('2026-06-01T00:00:00Z');
      const exemptReports = await store.listExemptReports(filter, scope);
      expect(exemptReports.every(r => exemptionColumn(r.report))).toBe(true);
      expect(exemptionLedger(exemptReports, { now })).toEqual(
        exemptionLedger(await store.listLatestReports(filter, scope), {
          now,
        }),
      );
    },
  );

  it('fills the aggregate columns from the stored reports when migrating, and rolls back', async () => {
    const { knex, store } = await seededStore();
    const columns = () =>
      knex('availability_reports')
        .orderBy('entity_ref')
        .select(
          'entity_ref',
          'workload_clusters',
          'exemption_report',
          'live_evidence',
        );
    const written = await columns();
    expect(written.filter(r => r.exemption_report)).toHaveLength(3);

    await knex.migrate.down({ directory });
    await knex('availability_reports').insert({
      ...entityColumns(failedEntity),
      failing_checks: '[]',
      clusters: '[]',
      last_error_message: 'down',
    });
    await knex.migrate.latest({ directory });

    expect(await columns()).toEqual(
      [
        ...written,
        {
          entity_ref: 'component:default/failed',
          workload_clusters: null,
          exemption_report: null,
          live_evidence: null,
        },
      ].sort((a, b) => a.entity_ref.localeCompare(b.entity_ref)),
    );
    await expect(store.listExemptReports({})).resolves.toHaveLength(3);
  });
});
