import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { checkCatalog } from '@availability-backstage/plugin-availability-common';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import { startEntitySourceBackend } from './__testUtils__/entitySourceBackend';
import {
  deployment,
  fakeKubernetesBackend,
  workloadsAnswer,
} from '../__testUtils__/fakeKubernetesBackend';
import { componentEntity } from '../__testUtils__/entities';

const relation = (type: string, targetRef: string) => ({ type, targetRef });

const entities: Entity[] = [
  {
    ...componentEntity('checkout-api', { lifecycle: 'production' }),
    relations: [relation('ownedBy', 'group:default/team-a')],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [
      relation('hasMember', 'user:default/alice'),
      relation('hasMember', 'user:default/bob'),
    ],
  },
  ...['alice', 'bob', 'carol'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: { memberOf: name === 'carol' ? [] : ['team-a'] },
    }),
  ),
];

async function start() {
  const kube = fakeKubernetesBackend();
  const server = await startEntitySourceBackend({
    kube,
    entities,
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      availability: {
        notifications: { enabled: true, quietPeriod: { seconds: 0 } },
        // Only replicas-min counts: three replicas are gold, one none.
        checks: Object.fromEntries(
          checkCatalog
            .filter(check => check.id !== 'replicas-min')
            .map(check => [check.id, { enabled: false }]),
        ),
      },
    },
    features: [notificationsPlugin],
  });
  const refresh = async (replicas: number) => {
    kube.answers.workloads = workloadsAnswer({
      'prod-eu': {
        deployments: [deployment('checkout-api', replicas)],
        pods: [],
      },
    });
    const res = await request(server)
      .post('/api/availability/entities/component/default/checkout-api/refresh')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.report;
  };
  const notificationsOf = async (user: string) => {
    const res = await request(server)
      .get('/api/notifications/notifications')
      .set('Authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body.notifications;
  };
  const markRead = async (user: string) => {
    const ids = (await notificationsOf(user)).map((n: { id: string }) => n.id);
    const res = await request(server)
      .post('/api/notifications/notifications/update')
      .set('Authorization', mockCredentials.user.header(user))
      .send({ ids, read: true });
    expect(res.status).toBe(200);
  };
  return { refresh, notificationsOf, markRead };
}

describe('notifications of level changes', () => {
  // Three refreshes and several reads through the notifications backend:
  // more than the default timeout on a busy machine.
  it('tells the owning group members once per level drop', async () => {
    const { refresh, notificationsOf, markRead } = await start();
    expect((await refresh(3)).level).toBe('gold');
    expect((await refresh(1)).level).toBe('none');

    for (const user of ['user:default/alice', 'user:default/bob']) {
      const notifications = await notificationsOf(user);
      expect(notifications).toHaveLength(1);
      expect(notifications[0].payload).toMatchObject({
        title: 'checkout-api: availability dropped from gold to none',
        link: '/catalog/default/component/checkout-api/availability',
        topic: 'availability',
        scope:
          'availability:component:default/checkout-api:gold->none:replicas-min',
        severity: 'critical',
      });
      expect(notifications[0].payload.description).toMatch(
        /Top failing check: /,
      );
    }
    expect(await notificationsOf('user:default/carol')).toEqual([]);

    // Sending again would mark it unread: read, it shows that none was sent.
    await markRead('user:default/alice');
    await refresh(1);
    const after = await notificationsOf('user:default/alice');
    expect(after).toHaveLength(1);
    expect(after[0].read).not.toBeNull();
  }, 30_000);
});
