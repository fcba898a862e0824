import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  type Permission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  AvailabilityReport,
  Level,
} from '@availability-backstage/plugin-availability-common';
import request from 'supertest';
import { stringify } from 'yaml';
import { DatabaseAvailabilityStore } from '../database/DatabaseAvailabilityStore';
import { availabilityPlugin } from '../plugin';
import {
  availabilityProbe,
  MANUAL_SCHEDULE,
} from './__testUtils__/testBackend';
import { testDatabases } from './__testUtils__/testDatabases';
import {
  checkResult,
  oneWorkloadReport,
  saveComponentReport,
} from '../__testUtils__/reports';

jest.setTimeout(60_000);

const ADMIN = 'user:default/admin';
const MEMBER = 'user:default/mock';
/** Denied every catalog entity. */
const OUTSIDER = 'user:default/outsider';

/**
 * The policy: team b's entities are hidden from everyone but the admin,
 * through a conditional decision that the catalog itself turns into a
 * query filter (as it does for a policy served by the permission backend);
 * the admin may read every entity, the outsider none.
 */
function hideTeamB(
  permission: Permission,
  credentials: BackstageCredentials,
): PolicyDecision {
  const principal = credentials.principal as { userEntityRef?: string };
  if (
    permission.name === 'catalog.entity.read' &&
    principal.userEntityRef === OUTSIDER
  ) {
    return { result: AuthorizeResult.DENY };
  }
  if (
    isResourcePermission(permission, 'catalog-entity') &&
    permission.name === 'catalog.entity.read' &&
    principal.userEntityRef !== ADMIN
  ) {
    return createCatalogConditionalDecision(permission, {
      not: catalogConditions.isEntityOwner({
        claims: ['group:default/team-b'],
      }),
    });
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * The permissions service with that policy in process. Services acting for
 * a user reach the catalog with the user's credentials (the plugin passes
 * them on), so the user's decision is what the catalog applies.
 */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    return {
      async authorize(requests, { credentials }) {
        // Resource requests with a resourceRef are answered as the catalog
        // would filter them: only the list and entity reads matter here.
        return requests.map(r => {
          const decision = hideTeamB(r.permission, credentials);
          return decision.result === AuthorizeResult.CONDITIONAL
            ? { result: AuthorizeResult.DENY }
            : decision;
        }) as any;
      },
      async authorizeConditional(requests, { credentials }) {
        return requests.map(r => hideTeamB(r.permission, credentials)) as any;
      },
    };
  },
});

const components: Array<[string, string]> = [
  ['shop-api', 'team-a'],
  ['shop-web', 'team-a'],
  ['ledger', 'team-b'],
  ['ledger-v2', 'team-b'],
];

function report(
  score: number,
  level: Level,
  failing: string,
): AvailabilityReport {
  return oneWorkloadReport({
    score,
    level,
    checks: [checkResult(failing, 'fail')],
  });
}

// Hands out the plugin's own database, for its store to seed.
const probe = availabilityProbe();

let server: any;
let tmp: string;

const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-visibility-'));
  const file = path.join(tmp, 'entities.yaml');
  fs.writeFileSync(
    file,
    components
      .map(([name, owner]) =>
        stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name,
            annotations: { 'backstage.io/kubernetes-id': name },
          },
          spec: { type: 'service', owner, lifecycle: 'production' },
        }),
      )
      .join('---\n'),
  );
  const backend = await startTestBackend({
    features: [
      testDatabases,
      catalogPlugin,
      permissionsFactory,
      availabilityPlugin,
      probe.feature,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'file', target: file }],
          },
          availability: { schedule: MANUAL_SCHEDULE },
        },
      }),
    ],
  });
  server = backend.server;

  const store = await DatabaseAvailabilityStore.create({
    database: probe.database,
  });
  const at = new Date();
  const save = (name: string, owner: string, value: AvailabilityReport) =>
    saveComponentReport(
      store,
      { name, owner: `group:default/${owner}` },
      value,
      at,
    );
  await save('shop-api', 'team-a', report(80, 'silver', 'pdb-present'));
  await save('shop-web', 'team-a', report(60, 'bronze', 'pdb-present'));
  await save('ledger', 'team-b', report(20, 'none', 'secrets-by-reference'));
  await save('ledger-v2', 'team-b', {
    score: null,
    level: null,
    workloads: [],
    errors: [],
  });

  // The catalog processes its file location in the background.
  for (let i = 0; ; i++) {
    const res = await request(server)
      .get('/api/catalog/entities/by-query?filter=kind=component&limit=1')
      .set(as(ADMIN));
    if (res.body.totalItems === components.length) break;
    if (i > 200) throw new Error(`catalog stuck: ${JSON.stringify(res.body)}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('reports follow catalog visibility', () => {
  it('answers 404 for the report of an entity the catalog hides, as the catalog does', async () => {
    const hidden = await request(server)
      .get('/api/availability/entities/component/default/ledger')
      .set(as(MEMBER));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.name).toBe('NotFoundError');
    const catalogHidden = await request(server)
      .get('/api/catalog/entities/by-name/component/default/ledger')
      .set(as(MEMBER));
    expect(catalogHidden.status).toBe(404);

    const refresh = await request(server)
      .post('/api/availability/entities/component/default/ledger/refresh')
      .set(as(MEMBER));
    expect(refresh.status).toBe(404);

    const visible = await request(server)
      .get('/api/availability/entities/component/default/shop-api')
      .set(as(MEMBER));
    expect(visible.status).toBe(200);
    expect(visible.body.report.score).toBe(80);

    const admin = await request(server)
      .get('/api/availability/entities/component/default/ledger')
      .set(as(ADMIN));
    expect(admin.status).toBe(200);
    expect(admin.body.report.score).toBe(20);
  });

  it('leaves hidden entities out of lists and their totals', async () => {
    const member = await request(server)
      .get('/api/availability/reports')
      .set(as(MEMBER));
    expect(member.status).toBe(200);
    expect(member.body.totalItems).toBe(2);
    expect(member.body.items.map((i: any) => i.name)).toEqual([
      'shop-web',
      'shop-api',
    ]);
    const filtered = await request(server)
      .get('/api/availability/reports?failingCheck=secrets-by-reference')
      .set(as(MEMBER));
    expect(filtered.body).toEqual({ items: [], totalItems: 0 });

    const admin = await request(server)
      .get('/api/availability/reports')
      .set(as(ADMIN));
    expect(admin.body.totalItems).toBe(3);
  });

  it('leaves hidden entities out of the summary, its rollups and its unscored count', async () => {
    const member = await request(server)
      .get('/api/availability/summary')
      .set(as(MEMBER));
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({
      totalEntities: 2,
      averageScore: 70,
      unscored: { noWorkloads: 0, notJudged: 0 },
      byLevel: { gold: 0, silver: 1, bronze: 1, none: 0 },
      byCheck: [{ id: 'pdb-present', failing: 2 }],
    });
    expect(member.body.byOwner.map((o: any) => o.owner)).toEqual([
      'group:default/team-a',
    ]);
    expect(member.body.trend[0].byLevel.none).toBe(0);

    const admin = await request(server)
      .get('/api/availability/summary')
      .set(as(ADMIN));
    expect(admin.body).toMatchObject({
      totalEntities: 3,
      unscored: { noWorkloads: 1, notJudged: 0 },
      byLevel: { gold: 0, silver: 1, bronze: 1, none: 1 },
    });
  });

  it('leaves hidden entities out of the facets and the simulator objects', async () => {
    const member = await request(server)
      .get('/api/availability/facets')
      .set(as(MEMBER));
    expect(member.status).toBe(200);
    expect(member.body.owner).toEqual([
      { value: 'group:default/team-a', count: 2 },
    ]);
    const admin = await request(server)
      .get('/api/availability/facets')
      .set(as(ADMIN));
    expect(admin.body.owner.map((o: any) => o.value)).toEqual([
      'group:default/team-a',
      'group:default/team-b',
    ]);

    const hidden = await request(server)
      .get('/api/availability/entities/component/default/ledger/objects')
      .set(as(MEMBER));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toMatch(/^No entity/);
    const noObjects = await request(server)
      .get('/api/availability/entities/component/default/ledger/objects')
      .set(as(ADMIN));
    expect(noObjects.status).toBe(404);
    expect(noObjects.body.error.message).toMatch(/^No objects are stored/);
  });
});

describe('reports follow definitive catalog decisions', () => {
  it('shows nothing to a caller the catalog denies every entity', async () => {
    const catalog = await request(server)
      .get('/api/catalog/entities/by-name/component/default/shop-api')
      .set(as(OUTSIDER));
    expect(catalog.status).toBe(404);
    for (const route of [
      '/entities/component/default/shop-api',
      '/entities/component/default/shop-api/objects',
    ]) {
      const res = await request(server)
        .get(`/api/availability${route}`)
        .set(as(OUTSIDER));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/^No entity/);
    }
    const list = await request(server)
      .get('/api/availability/reports')
      .set(as(OUTSIDER));
    expect(list.body).toEqual({ items: [], totalItems: 0 });
    const summary = await request(server)
      .get('/api/availability/summary')
      .set(as(OUTSIDER));
    expect(summary.body).toMatchObject({
      totalEntities: 0,
      unscored: { noWorkloads: 0, notJudged: 0 },
    });
  });

  it('shows every report to a caller the catalog lets read every entity, and 404 for a ref it does not know', async () => {
    const admin = await request(server)
      .get('/api/availability/facets')
      .set(as(ADMIN));
    expect(admin.body.owner).toEqual([
      { value: 'group:default/team-a', count: 2 },
      { value: 'group:default/team-b', count: 1 },
    ]);
    const unknown = await request(server)
      .get('/api/availability/entities/component/default/nope')
      .set(as(ADMIN));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/^No entity/);
  });
});
