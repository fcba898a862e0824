import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createLogger } from './logger';
import { startServer } from './server';

test('stores values on the volume and reads them back after a restart', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-test-'));
  const logger = createLogger({ service: 'test', level: 'error' });
  const options = { serviceName: 'test', port: 0, dataDir, logger, shutdownDelayMs: 0, drainTimeoutMs: 1000 };

  const first = await startServer(options);
  const put = await fetch(`http://127.0.0.1:${first.port}/kv/greeting`, {
    method: 'PUT',
    body: 'hello',
  });
  assert.equal(put.status, 204);
  assert.equal(
    (await fetch(`http://127.0.0.1:${first.port}/kv/..%2Fescape`, { method: 'PUT', body: 'x' })).status,
    400,
  );
  await first.shutdown('test');

  // A new process on the same volume: what was acknowledged is still there.
  const second = await startServer(options);
  try {
    const got = await fetch(`http://127.0.0.1:${second.port}/kv/greeting`);
    assert.equal(got.status, 200);
    assert.equal(await got.text(), 'hello');
    assert.equal((await fetch(`http://127.0.0.1:${second.port}/kv/missing`)).status, 404);
  } finally {
    await second.shutdown('test');
  }
});
