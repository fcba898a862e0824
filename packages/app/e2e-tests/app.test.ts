import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';

// A component of the demo catalog in examples/, always present.
const DEMO_ENTITY = process.env.E2E_DEMO_ENTITY ?? 'checkout-api';

const screenshotDir = path.resolve(__dirname, '../../../docs/screenshots');

test('the portal signs in as guest and lists the demo catalog', async ({
  page,
}) => {
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Catalog', exact: true }).click();

  await expect(
    page.getByRole('link', { name: DEMO_ENTITY, exact: true }),
  ).toBeVisible();

  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, 'catalog.png'),
    fullPage: true,
  });
});
