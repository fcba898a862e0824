import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, Page } from '@playwright/test';
import { openAsGuest, screenshotDir } from './portal';

// A demo service with a known verdict (packages/demo-cluster/README.md):
// a single replica, so it fails the critical replicas-min check and sits at
// bronze. The score itself moves as checks are added; the failure does not.
const ENTITY = process.env.E2E_AVAILABILITY_ENTITY ?? 'storefront-web';
const FAILING_CHECK = process.env.E2E_AVAILABILITY_CHECK ?? 'replicas-min';
const OWNER = process.env.E2E_AVAILABILITY_OWNER ?? 'storefront';
const OTHER_TEAMS_ENTITY = 'checkout-api'; // owned by payments

/** Fails on any serious or critical accessibility violation inside `selector`. */
async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const severe = results.violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    severe.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(' ')}`),
  ).toEqual([]);
}

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
  // Teams show their display names (Storefront for group storefront).
  await owners
    .getByRole('button', { name: new RegExp(`^${OWNER}$`, 'i') })
    .click();

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

test('the first screen of the tab says what to fix first and why the level, each workload once', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openAsGuest(page, `/catalog/default/component/${ENTITY}/availability`);
  const score = page.getByTestId('entity-score');
  const refreshNow = page.getByRole('button', { name: 'Refresh now' });
  await expect(score.or(refreshNow)).toBeVisible();
  if (await refreshNow.isVisible()) {
    await refreshNow.click();
  }
  const fixFirst = page.getByTestId('availability-fix-first');
  const explanation = page.getByTestId('availability-level-explanation');
  await expect(fixFirst).toBeVisible();
  await expect(explanation).toHaveText(/^Bronze: .*critical.*replicas-min/);
  // Within the first screen, without scrolling.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const element of [fixFirst, explanation]) {
    const box = await element.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
  }
  // The Deployment of three clusters is one section.
  await expect(
    page.getByRole('heading', {
      level: 3,
      name: `Deployment ${ENTITY}`,
      exact: true,
    }),
  ).toHaveCount(1);
  await expectAccessible(page, 'main');
  // A measure, not a gate: how tall the whole tab is (it was 6,124 px when
  // every cluster repeated the Deployment).
  const height = await page.evaluate(
    () => document.documentElement.scrollHeight,
  );
  test.info().annotations.push({
    type: 'page height (px)',
    description: String(height),
  });
  // Read from the run's log: the list reporter leaves annotations out.
  // eslint-disable-next-line no-console
  console.log(`${ENTITY} availability tab: ${height} px tall at 1440×900`);
  await page.screenshot({
    path: path.join(screenshotDir, 'availability-first-screen.png'),
    animations: 'disabled',
  });
  await screenshot(page, 'entity-tab');
});

test('the entity card and the Group card pass the accessibility check', async ({
  page,
}) => {
  await openAsGuest(page, `/catalog/default/component/${ENTITY}`);
  const card = page.getByText('View availability details');
  await expect(card).toBeVisible();
  await expect(
    page.getByTestId('availability-level-explanation'),
  ).toBeVisible();
  // Our card, not the other plugins' cards of the overview.
  await expectAccessible(
    page,
    '.MuiCard-root:has([data-testid="availability-level-explanation"])',
  );

  await openAsGuest(page, `/catalog/default/group/${OWNER}`);
  const levels = page.getByTestId('availability-rollup-levels');
  await expect(levels).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Services, worst first' }),
  ).toContainText(ENTITY);
  await expectAccessible(
    page,
    '.MuiCard-root:has([data-testid="availability-rollup-levels"])',
  );
  await screenshot(page, 'group-card');
});

test('the org page filtered to production shows the same count in every panel', async ({
  page,
}) => {
  await openAsGuest(page, '/availability?lifecycle=production');
  // Wait for data, not the frame: a row of the table and of the teams.
  await expect(
    page.getByRole('link', { name: ENTITY, exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('availability-overall-total')).toBeVisible();
  const tableTitle = page.getByText(/^Entities \([1-9]\d*\)$/);
  await expect(tableTitle).toBeVisible();
  const inTable = Number(
    (await tableTitle.textContent())!.match(/\((\d+)\)/)![1],
  );
  expect(inTable).toBeGreaterThan(0);
  await expect(page.getByTestId('availability-overall-total')).toHaveText(
    String(inTable),
  );
  const owners = page.getByRole('table', { name: 'Availability by owner' });
  const perTeam = await owners
    .locator('tbody tr td:nth-child(2)')
    .allTextContents();
  const teamTotal = perTeam
    .map(text => Number(text.match(/of (\d+)/)![1]))
    .reduce((sum, n) => sum + n, 0);
  expect(teamTotal).toBe(inTable);
  await expectAccessible(page, 'main');
  await screenshot(page, 'org-production');
});

test('a service not deployed yet says no workloads were found and stays out of the averages', async ({
  page,
}) => {
  // The demo's gift-cards has a kubernetes-id that no emulated cluster runs.
  const entityPath = '/catalog/default/component/gift-cards';
  await openAsGuest(page, `${entityPath}/availability`);
  const noWorkloads = page.getByTestId('availability-no-workloads');
  const refreshNow = page.getByRole('button', { name: 'Refresh now' });
  await expect(noWorkloads.or(refreshNow)).toBeVisible();
  if (await refreshNow.isVisible()) {
    await refreshNow.click();
  }
  await expect(noWorkloads).toBeVisible();
  await expect(noWorkloads).toContainText('No workloads found');
  // It names what it looked for and where, so a typo can be told apart.
  await expect(noWorkloads).toContainText(
    'backstage.io/kubernetes-id: gift-cards',
  );
  await expect(noWorkloads).toContainText(/clusters? .*prod-eu/);
  await expect(page.getByTestId('entity-score')).toHaveText('no score');
  await expect(page.getByText(/nothing in the clusters matches/)).toBeVisible();
  await screenshot(page, 'no-workloads');

  await openAsGuest(page, '/availability');
  await expect(page.getByTestId('availability-unscored')).toContainText(
    /with no workloads found/,
  );
});
