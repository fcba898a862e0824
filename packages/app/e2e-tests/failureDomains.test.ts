import path from 'node:path';
import { test, expect, Page } from '@playwright/test';
import { openAsGuest, screenshotDir } from './portal';

// Known failure domains of the demo data (packages/demo-cluster/README.md).

async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshotDir, `availability-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

test("prod-eu's cluster view shows cart-service at risk on prod-eu-b-2 and search-indexer blocking drains", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openAsGuest(page, '/availability');
  // The scheduled refresh stores the Node lists; wait for prod-eu to be listed.
  const link = page.getByRole('link', { name: 'prod-eu', exact: true });
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByTestId('availability-exemption-ledger')).toContainText(
    'legacy-reports',
  );
  await page
    .getByTestId('availability-exemption-ledger')
    .scrollIntoViewIfNeeded();
  await screenshot(page, 'ledger');
  await link.click();
  await expect(page).toHaveURL(/\/availability\/clusters\/prod-eu$/);

  const drain = page.getByTestId('availability-drain-readiness');
  await expect(drain).toContainText('would hang or take a service down');
  await expect(drain).toContainText(
    /search-indexer.*allows no eviction at any time/,
  );

  const node = page
    .getByTestId('availability-blast-radius')
    .getByTestId('availability-node-prod-eu-b-2');
  await expect(node).toContainText('cart-service goes dark');
  await screenshot(page, 'cluster');
});

test('the level-up simulator takes storefront-web to a higher level with two fixes', async ({
  page,
}) => {
  const entityPath = '/catalog/default/component/storefront-web';
  await openAsGuest(page, `${entityPath}/availability`);
  const score = page.getByTestId('entity-score');
  const refreshNow = page.getByRole('button', { name: 'Refresh now' });
  await expect(score.or(refreshNow)).toBeVisible();
  if (await refreshNow.isVisible()) {
    await refreshNow.click();
  }
  await expect(page.getByLabel('Level Bronze').first()).toBeVisible();

  const simulator = page.getByTestId('availability-simulator');
  const after = simulator.getByTestId('availability-simulator-after');
  await expect(after.getByLabel('Level Bronze')).toBeVisible();
  await simulator
    .getByLabel(/^Run at least the minimum replicas: Deployment storefront-web/)
    .check();
  // With one replica the PDB rows do not apply (contract revision 3), so the
  // second fix is the spread over nodes that two replicas then need.
  await simulator
    .getByLabel(/^Spread pods over nodes: Deployment storefront-web/)
    .check();
  await expect(after.getByLabel('Level Silver')).toBeVisible();
  await expect(simulator).toContainText(
    'kubectl patch deployment storefront-web',
  );
  await expect(simulator).toContainText('topologySpreadConstraints');
  await simulator.scrollIntoViewIfNeeded();
  await screenshot(page, 'simulator');
});
