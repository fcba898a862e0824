import { test, expect, APIRequestContext } from '@playwright/test';
import { openAsGuest } from './portal';

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
