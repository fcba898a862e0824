import path from 'node:path';
import { test, expect } from '@playwright/test';
import { openAsGuest, screenshotDir } from './portal';

// checkout-api runs in prod-eu, prod-us and staging in the demo clusters
// (packages/demo-cluster/clusters), served by the emulator that starts with the portal.
test('the Kubernetes tab of a demo entity shows its pods from the emulated clusters', async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/component/checkout-api');
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();

  await expect(page.getByText('prod-eu', { exact: true })).toBeVisible();
  await expect(page.getByText('prod-us', { exact: true })).toBeVisible();
  // Open the cluster, then its Deployment's accordion by its expand icon (the
  // texts of the summary open drawers), to list the pods.
  await page.getByText('prod-eu', { exact: true }).click();
  await page
    .locator('[class*="MuiAccordionSummary-root"]', { hasText: 'Deployment' })
    .first()
    .locator('[class*="MuiAccordionSummary-expandIcon"]')
    .click();
  await expect(
    page.getByText(/^checkout-api-[a-z0-9]+-[a-z0-9]+$/).first(),
  ).toBeVisible();

  await page.screenshot({
    path: path.join(screenshotDir, 'kubernetes-tab.png'),
    animations: 'disabled',
  });
});
