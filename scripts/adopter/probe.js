#!/usr/bin/env node
/*
 * Checks a running adopter backend: the availability plugin answers, knows
 * its checks, the scaffolder has availability:validate and the catalog has
 * both bundled templates. Waits for the backend to come up (first start
 * builds nothing, but the catalog needs a processing round for templates).
 *
 * Usage: probe.js <backend base url>
 */
const base = process.argv[2];
const deadline = Date.now() + 5 * 60_000;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function until(what, attempt) {
  for (;;) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error}`);
    }
    if (Date.now() > deadline) throw new Error(`${what}: timed out`);
    await sleep(2000);
  }
}

async function getJson(path, token) {
  const res = await fetch(`${base}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok)
    throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function main() {
  const health = await until('health', () =>
    getJson('/api/availability/health'),
  );
  console.log(`GET /api/availability/health: ${JSON.stringify(health)}`);
  if (health.status !== 'ok') throw new Error('health is not ok');

  const { backstageIdentity } = await getJson('/api/auth/guest/refresh');
  const token = backstageIdentity.token;

  const checks = await getJson('/api/availability/checks', token);
  const ids = checks.items.map(c => c.id);
  console.log(`GET /api/availability/checks: ${ids.length} checks`);
  if (!ids.includes('replicas-min'))
    throw new Error('replicas-min is not among the checks');

  const actions = await getJson('/api/scaffolder/v2/actions', token);
  if (!actions.some(a => a.id === 'availability:validate')) {
    throw new Error('the scaffolder has no availability:validate action');
  }
  console.log('GET /api/scaffolder/v2/actions: availability:validate is there');

  for (const name of ['ha-node-service', 'ha-stateful-service']) {
    const template = await until(`template ${name}`, () =>
      getJson(`/api/catalog/entities/by-name/template/default/${name}`, token),
    );
    const location =
      template.metadata.annotations['backstage.io/managed-by-location'];
    if (!location.includes('/node_modules/@availability-backstage/')) {
      throw new Error(
        `${name} is located at ${location}, not in the installed package`,
      );
    }
    console.log(`catalog: template ${name} from ${location}`);
  }
}

main().catch(error => {
  console.error(`[probe] ${error.message}`);
  process.exit(1);
});
