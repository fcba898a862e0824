import path from 'node:path';
import { test, expect, Page } from '@playwright/test';
import { openAsGuest, screenshotDir } from './portal';

// A demo service with a known verdict (packages/demo-cluster/README.md):
// a single replica, so it fails the critical replicas-min check and sits at
// bronze. The score itself moves as checks are added; the failure does not.
const ENTITY = process.env.E2E_AVAILABILITY_ENTITY ?? 'storefront-web';
const FAILING_CHECK = process.env.E2E_AVAILABILITY_CHECK ?? 'replicas-min';
const OWNER = process.env.E2E_AVAILABILITY_OWNER ?? 'storefront';
const OTHER_TEAMS_ENTITY = 'checkout-api'; // owned by payments

async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshotDir, `availability-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

test('the entity tab shows the score and the failing checks of a demo service', async ({
  page,
}) => {
  const entityPath = `/catalog/default/component/${ENTITY}`;
  await openAsGuest(page, entityPath);
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();

  // The overview card, when the entity page shows it.
  const card = page.getByText('View availability details');
  if (await card.isVisible()) {
    await screenshot(page, 'card');
  }

  // Entity page tabs are links; pick the one of this entity, not the
  // sidebar's "Availability" page.
  await page.locator(`a[href$="${entityPath}/availability"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${entityPath}/availability$`));

  // A fresh portal may not have evaluated the entity yet.
  const score = page.getByTestId('entity-score');
  const refreshNow = page.getByRole('button', { name: 'Refresh now' });
  await expect(score.or(refreshNow)).toBeVisible();
  if (await refreshNow.isVisible()) {
    await refreshNow.click();
  }
  await expect(score).toHaveText(/^\d{1,3}$/);
  const value = Number(await score.textContent());
  expect(value).toBeLessThan(75); // bronze at best: a critical check fails
  await expect(page.getByLabel('Level Bronze').first()).toBeVisible();

  const check = page.getByTestId(`check-${FAILING_CHECK}`).first();
  await expect(check).toBeVisible();
  await expect(check.locator('[aria-label="Status error"]')).toBeVisible();
  await screenshot(page, 'entity');

  await check.getByRole('button', { name: 'How to fix' }).click();
  await expect(check.locator('code')).toBeVisible();
  await expect(check.getByRole('button', { name: 'Copy text' })).toBeVisible();
  await check.scrollIntoViewIfNeeded();
  await screenshot(page, 'remediation');
});

test('the org page lists evaluated entities and drills down into a team', async ({
  page,
}) => {
  await openAsGuest(page, '/availability');
  await expect(page.getByText('Evaluated entities')).toBeVisible();
  // Wait for data, not just the frame: rows, and the rollup by team.
  await expect(page.getByText(/^Entities \([1-9]\d*\)$/)).toBeVisible();
  await expect(
    page.getByRole('link', { name: ENTITY, exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Availability by owner' }),
  ).toBeVisible();
  await screenshot(page, 'org');

  const owners = page.getByRole('table', { name: 'Availability by owner' });
  await owners.getByRole('button', { name: OWNER, exact: true }).click();

  await expect(page).toHaveURL(/[?&]owner=/);
  await expect(
    page.getByRole('link', { name: ENTITY, exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: OTHER_TEAMS_ENTITY, exact: true }),
  ).toHaveCount(0);
  await screenshot(page, 'org-filtered');

  // The filtered view is shareable: the URL alone restores it.
  const shared = new URL(page.url());
  await openAsGuest(page, `${shared.pathname}${shared.search}`);
  await expect(
    page.getByRole('link', { name: ENTITY, exact: true }),
  ).toBeVisible();
});
