import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const screenshotDir = path.resolve(
  __dirname,
  '../../../docs/screenshots',
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
