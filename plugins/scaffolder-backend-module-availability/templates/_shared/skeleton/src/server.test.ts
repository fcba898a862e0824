import assert from 'node:assert/strict';
{%- if values.stateful %}
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
{%- endif %}
import { test } from 'node:test';
import { createLogger } from './logger';
import { startServer, type RunningServer, type ServerOptions } from './server';

const quietLogger = createLogger({ service: 'test', level: 'error' });

/** A server on a free port with quiet logs; `overrides` replace single options. */
function start(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    serviceName: 'test',
    port: 0,
{%- if values.stateful %}
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-')),
{%- endif %}
    logger: quietLogger,
    shutdownDelayMs: 0,
    drainTimeoutMs: 1000,
    ...overrides,
  });
}

test('liveness and readiness answer separately, and readiness fails first on shutdown', async () => {
  const server = await start({ shutdownDelayMs: 200 });
  const base = `http://127.0.0.1:${server.port}`;

  assert.equal((await fetch(`${base}/health`)).status, 200);
  assert.equal((await fetch(`${base}/ready`)).status, 200);

  const stopped = server.shutdown('test');
  const ready = await fetch(`${base}/ready`);
  assert.equal(ready.status, 503);
  assert.deepEqual(await ready.json(), { status: 'draining' });
  // Still alive while draining: a liveness failure here would restart the pod.
  assert.equal((await fetch(`${base}/health`)).status, 200);

  await stopped;
  await assert.rejects(fetch(`${base}/health`));
});

test('exposes Prometheus metrics including request durations', async () => {
  const server = await start();
  const base = `http://127.0.0.1:${server.port}`;
  try {
    await fetch(`${base}/`);
    const metrics = await fetch(`${base}/metrics`);
    assert.equal(metrics.status, 200);
    const body = await metrics.text();
    assert.match(body, /http_request_duration_seconds_count\{method="GET",route="\/",status="200"\} 1/);
    assert.match(body, /process_cpu_seconds_total/);
  } finally {
    await server.shutdown('test');
  }
});

test('writes one JSON object per log line', () => {
  const lines: string[] = [];
  const logger = createLogger({ service: 'svc', level: 'info', write: line => lines.push(line) });
  logger.debug('hidden');
  logger.info('shown', { port: 1 });
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]);
  assert.equal(entry.level, 'info');
  assert.equal(entry.service, 'svc');
  assert.equal(entry.message, 'shown');
  assert.equal(entry.port, 1);
});
