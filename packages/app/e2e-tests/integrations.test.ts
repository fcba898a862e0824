import path from 'node:path';
import { test, expect, APIRequestContext } from '@playwright/test';
import { openAsGuest, screenshotDir } from './portal';

// checkout-api is gold in the demo (packages/demo-cluster/README.md) and
// owned by payments, a team of the guest user, so it is in "Owned" at once.
const ENTITY = 'checkout-api';
const BACKEND = 'http://localhost:7007';

async function guestToken(request: APIRequestContext) {
  const res = await request.get(`${BACKEND}/api/auth/guest/refresh`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()).backstageIdentity.token as string;
}

test('the catalog table shows the availability of each component', async ({
  page,
}) => {
  await openAsGuest(page, '/');
  const chip = page
    .getByRole('row', { name: new RegExp(ENTITY) })
    .getByTestId('entity-availability-chip');
  // The portal evaluates its entities shortly after start; the table and
  // its one batched request take a while on a busy machine.
  await expect(chip).toHaveText(/^Gold\s*100$/, { timeout: 90_000 });
});

test('the Tech Insights checks judge the availability facts', async ({
  request,
}) => {
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  // The retriever runs on its cadence (every 2 minutes in the demo).
  await expect(async () => {
    const res = await request.post(
      `${BACKEND}/api/tech-insights/checks/run/default/component/${ENTITY}`,
      {
        headers,
        data: {
          checks: ['availabilityLevelGold', 'availabilityNoCriticalFailure'],
        },
      },
    );
    expect(res.ok()).toBeTruthy();
    const results = await res.json();
    expect(
      Object.fromEntries(results.map((r: any) => [r.check.id, r.result])),
    ).toEqual({
      availabilityLevelGold: true,
      availabilityNoCriticalFailure: true,
    });
  }).toPass({ timeout: 200_000, intervals: [10_000] });
});

test('the Scorecard tab shows the Tech Insights checks of the entity', async ({
  page,
}) => {
  // cart-service is silver (packages/demo-cluster/README.md): not gold, and
  // no critical failure.
  await openAsGuest(page, '/catalog/default/component/cart-service/scorecard');
  const scorecard = page.getByTestId('tech-insights-scorecard');
  // The facts come with the retriever's first runs after start.
  await expect(async () => {
    await page.reload();
    await expect(scorecard).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 200_000, intervals: [10_000] });
  await expect(
    scorecard.getByRole('row', { name: /Availability level is gold/ }),
  ).toContainText('Failed');
  await expect(
    scorecard.getByRole('row', { name: /No critical availability failure/ }),
  ).toContainText('Passed');
  await page.screenshot({
    path: path.join(screenshotDir, 'tech-insights-scorecard.png'),
    animations: 'disabled',
  });
});

test.describe('a forced level drop', () => {
  // payment-gateway is silver with three replicas in prod-eu and prod-us and
  // owned by payments, a team of the guest user. Scaled to one replica in
  // prod-eu it fails the critical replicas-min check, so its level drops.
  const ENTITY_PATH = 'component/default/payment-gateway';
  const DEPLOYMENT =
    'http://127.0.0.1:7441/_emulator/clusters/prod-eu/objects/Deployment/payments/payment-gateway';
  const CHANGES = 'http://127.0.0.1:7441/_emulator/clusters/prod-eu/changes';

  async function refresh(request: APIRequestContext, headers: object) {
    const res = await request.post(
      `${BACKEND}/api/availability/entities/${ENTITY_PATH}/refresh`,
      { headers },
    );
    expect(res.ok()).toBeTruthy();
    return (await res.json()).report as { level: string; score: number };
  }

  async function notificationsOfEntity(
    request: APIRequestContext,
    headers: object,
  ) {
    const res = await request.get(
      `${BACKEND}/api/notifications/notifications?topic=availability&limit=100`,
      { headers },
    );
    expect(res.ok()).toBeTruthy();
    const { notifications } = await res.json();
    return (notifications as any[]).filter(n =>
      n.payload.link?.includes('/catalog/default/component/payment-gateway/'),
    );
  }

  test.afterEach(async ({ request }) => {
    // Put the demo back for the other tests, whatever happened above.
    await request.delete(CHANGES);
    const headers = { Authorization: `Bearer ${await guestToken(request)}` };
    expect((await refresh(request, headers)).level).toBe('silver');
  });

  test('gives the owners one notification, and none on an unchanged refresh', async ({
    page,
    request,
  }) => {
    const headers = { Authorization: `Bearer ${await guestToken(request)}` };
    expect((await refresh(request, headers)).level).toBe('silver');
    const before = await notificationsOfEntity(request, headers);

    const scaled = await request.patch(DEPLOYMENT, {
      data: { spec: { replicas: 1 } },
    });
    expect(scaled.ok()).toBeTruthy();
    const dropped = await refresh(request, headers);
    // packages/demo-cluster/src/demoVerdicts.test.ts checks this drop too.
    expect(dropped.level).toBe('bronze');

    const after = await notificationsOfEntity(request, headers);
    const added = after.filter(n => !before.some(b => b.id === n.id));
    expect(added).toHaveLength(1);
    expect(added[0].payload).toMatchObject({
      title: 'payment-gateway: availability dropped from silver to bronze',
      severity: 'critical',
      topic: 'availability',
      link: '/catalog/default/component/payment-gateway/availability',
    });
    expect(added[0].payload.description).toContain('replicas-min');

    // Still dropped, nothing new to tell.
    expect((await refresh(request, headers)).level).toBe(dropped.level);
    expect(await notificationsOfEntity(request, headers)).toEqual(after);

    await openAsGuest(page, '/notifications');
    await expect(page.getByText(added[0].payload.title)).toBeVisible();
    await page.screenshot({
      path: path.join(screenshotDir, 'availability-notification.png'),
      animations: 'disabled',
    });
  });
});
