import path from 'node:path';
import { test, expect } from '@playwright/test';
import { openAsGuest, screenshotDir } from './portal';

// A component of the demo catalog in examples/.
const DEMO_ENTITY = 'checkout-api';

test('the portal signs in as guest and lists the demo catalog', async ({
  page,
}) => {
  await openAsGuest(page, '/');

  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();

  await expect(
    page.getByRole('link', { name: DEMO_ENTITY, exact: true }),
  ).toBeVisible();

  await page.screenshot({
    path: path.join(screenshotDir, 'catalog.png'),
    fullPage: true,
    animations: 'disabled',
  });
});
