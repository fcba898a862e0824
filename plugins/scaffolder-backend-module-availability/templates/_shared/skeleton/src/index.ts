import { createLogger, isLogLevel } from './logger';
import { startServer } from './server';

function readInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const serviceName = process.env.SERVICE_NAME ?? '${{ values.name }}';
  const level = process.env.LOG_LEVEL;
  const logger = createLogger({
    service: serviceName,
    level: isLogLevel(level) ? level : 'info',
  });

  const server = await startServer({
    serviceName,
    logger,
    port: readInt('PORT', 8080),
{%- if values.stateful %}
    dataDir: process.env.DATA_DIR ?? '/data',
{%- endif %}
    shutdownDelayMs: readInt('SHUTDOWN_DELAY_MS', 3000),
    drainTimeoutMs: readInt('DRAIN_TIMEOUT_MS', 15000),
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.shutdown(signal).then(
        () => process.exit(0),
        error => {
          logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
    });
  }
}

main().catch(error => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', message: 'startup failed', error: String(error) })}\n`,
  );
  process.exit(1);
});
