import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const screenshotDir = path.resolve(
  __dirname,
  '../../../docs/screenshots',
);

/**
 * Opens a page of the portal as the guest user. The sign-in page shows at any
 * path and then renders that path, so a full page load never loses the session.
 */
export async function openAsGuest(page: Page, pathname: string) {
  await page.goto(pathname);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(enter).toBeHidden();
}
