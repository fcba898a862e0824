#!/usr/bin/env node
/*
 * Checks a running adopter backend: the availability plugin answers, knows
 * its checks, the scaffolder has availability:validate and the catalog has
 * both bundled templates. Waits for the backend to come up (first start
 * builds nothing, but the catalog needs a processing round for templates).
 *
 * Prints one `ok` or `FAIL` line per check, for the summary.
 *
 * Usage: probe.js <backend base url> <backend pid>
 */
const base = process.argv[2];
const backendPid = Number(process.argv[3]);
const started = Date.now();
const deadline = started + 8 * 60_000;
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Whether the backend process is still there (signal 0 only checks). */
function backendRuns() {
  try {
    process.kill(backendPid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what, attempt) {
  for (;;) {
    if (!backendRuns()) throw new Error(`${what}: the backend has exited`);
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

/** Runs one probe; prints `ok <what>: <detail>` or `FAIL <what>: <why>`. */
async function probe(what, run) {
  try {
    const detail = await run();
    console.log(`ok ${what}: ${detail} (at ${elapsed()})`);
    return true;
  } catch (error) {
    console.log(`FAIL ${what}: ${error.message} (at ${elapsed()})`);
    return false;
  }
}

async function main() {
  const up = await probe('GET /api/availability/health', async () => {
    const health = await until('health', () =>
      getJson('/api/availability/health'),
    );
    if (health.status !== 'ok')
      throw new Error(`not ok: ${JSON.stringify(health)}`);
    return JSON.stringify(health);
  });
  if (!up) return false;

  const { backstageIdentity } = await getJson('/api/auth/guest/refresh');
  const token = backstageIdentity.token;
  const results = [
    await probe('GET /api/availability/checks', async () => {
      const checks = await getJson('/api/availability/checks', token);
      const ids = checks.items.map(c => c.id);
      if (!ids.includes('replicas-min'))
        throw new Error(`replicas-min is not among ${ids.join(', ')}`);
      return `${ids.length} checks`;
    }),
    await probe('scaffolder action availability:validate', async () => {
      const actions = await getJson('/api/scaffolder/v2/actions', token);
      if (!actions.some(a => a.id === 'availability:validate'))
        throw new Error('not among the scaffolder actions');
      return 'listed by /api/scaffolder/v2/actions';
    }),
  ];
  for (const name of ['ha-node-service', 'ha-stateful-service']) {
    results.push(
      await probe(`template ${name} in the catalog`, async () => {
        const template = await until(`template ${name}`, () =>
          getJson(
            `/api/catalog/entities/by-name/template/default/${name}`,
            token,
          ),
        );
        const location =
          template.metadata.annotations['backstage.io/managed-by-location'];
        if (!location.includes('/node_modules/@availability-backstage/'))
          throw new Error(
            `located at ${location}, not in the installed package`,
          );
        return `from ${location.replace(
          /^.*\/node_modules\//,
          'node_modules/',
        )}`;
      }),
    );
  }
  return results.every(Boolean);
}

main().then(
  ok => process.exit(ok ? 0 : 1),
  error => {
    console.log(`FAIL probe: ${error.message}`);
    process.exit(1);
  },
);
