import path from 'node:path';
import { expect, type Page } from '@playwright/test';

const root = path.resolve(__dirname, '../../..');

/**
 * Where the tests write their screenshots. A test run writes them to an ignored
 * folder so that the checkout stays clean; `yarn screenshots` points this at
 * `docs/screenshots` to refresh the committed ones that the READMEs show.
 */
export const screenshotDir = path.resolve(
  root,
  process.env.AVAILABILITY_SCREENSHOTS_DIR ??
    'node_modules/.cache/e2e-screenshots',
);

/**
 * Opens a page of the portal as the guest user. The sign-in page shows at any
 * path on a first load and then renders that path; later loads may find the
 * session remembered and render the page straight away.
 */
export async function openAsGuest(page: Page, pathname: string) {
  await page.goto(pathname);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The sidebar's own box has no size; its links are what shows.
  const sidebarLink = page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(enter.or(sidebarLink)).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
    await expect(enter).toBeHidden();
  }
}
