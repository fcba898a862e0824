import fs from 'node:fs';
import path from 'node:path';
import { test, expect, type APIRequestContext } from '@playwright/test';
import { parse } from 'yaml';
import { openAsGuest, screenshotDir } from './portal';

const backendUrl = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const templatesDir = path.resolve(
  __dirname,
  '../../../plugins/scaffolder-backend-module-availability/templates',
);

test('the portal lists the availability templates', async ({ page }) => {
  await openAsGuest(page, '/create');
  await expect(
    page.getByText('Highly available Node.js service'),
  ).toBeVisible();
  await expect(
    page.getByText('Highly available stateful service'),
  ).toBeVisible();
  await page.screenshot({
    path: path.join(screenshotDir, 'templates.png'),
    fullPage: true,
    animations: 'disabled',
  });
});

async function guestToken(request: APIRequestContext) {
  const response = await request.get(`${backendUrl}/api/auth/guest/refresh`);
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token as string;
}

function directoryContents(dir: string, prefix = ''): object[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = path.posix.join(prefix, entry.name);
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? directoryContents(full, relative)
      : [
          {
            path: relative,
            base64Content: fs.readFileSync(full).toString('base64'),
          },
        ];
  });
}

// What the template editor's dry run does: the real scaffolder renders the
// skeletons and runs availability:validate on them (publish and register are skipped).
// The dry run writes directoryContents to a fresh folder and resolves the steps'
// relative urls against a template.yaml at its root, so it gets the whole
// templates folder: the template's own skeleton and the _shared one beside it,
// at the paths they have next to the template's file.
async function dryRun(
  request: APIRequestContext,
  name: string,
  replicas: number,
) {
  const template = parse(
    fs.readFileSync(path.join(templatesDir, `${name}.yaml`), 'utf8'),
  );
  if (replicas < 2) {
    // The form refuses fewer than 2 replicas; lift that to see the action refuse them too.
    for (const page of template.spec.parameters) {
      delete page.properties?.replicas?.minimum;
    }
  }
  const response = await request.post(
    `${backendUrl}/api/scaffolder/v2/dry-run`,
    {
      headers: { Authorization: `Bearer ${await guestToken(request)}` },
      data: {
        template,
        values: {
          name: `demo-${name}`,
          description: 'Created by the e2e dry run',
          owner: 'group:default/payments',
          system: 'system:default/payments',
          namespace: 'payments',
          replicas,
          size: 'small',
          repoUrl: 'github.com?owner=example&repo=demo',
        },
        secrets: {},
        directoryContents: directoryContents(templatesDir),
      },
    },
  );
  return { status: response.status(), body: await response.json() };
}

for (const name of ['ha-node-service', 'ha-stateful-service']) {
  test(`a dry run of ${name} passes the availability:validate step`, async ({
    request,
  }) => {
    const { status, body } = await dryRun(request, name, 3);
    expect(status, JSON.stringify(body)).toBe(200);
    const log: Array<{
      body: { message: string; stepId?: string; status?: string };
    }> = body.log;
    const text = log.map(entry => entry.body.message).join('\n');
    const validate = log.filter(entry => entry.body.stepId === 'availability');
    expect(
      validate.map(entry => entry.body.status),
      text,
    ).toContain('completed');
    expect(text).toMatch(/level gold/i);
  });
}

test('a dry run that asks for one replica is stopped by availability:validate', async ({
  request,
}) => {
  const { status, body } = await dryRun(request, 'ha-node-service', 1);
  expect(status).toBe(400);
  expect(body.error.message).toMatch(/below the required gold/);
  expect(body.error.message).toContain('replicas-min [critical]');
});
