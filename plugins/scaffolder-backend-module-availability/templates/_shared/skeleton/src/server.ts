import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from './app';
import { Health } from './health';
import type { Logger } from './logger';
import { createMetrics } from './metrics';
{%- if values.stateful %}
import { addKvRoutes } from './kv';
import { FileStore } from './store';
{%- endif %}

export interface ServerOptions {
  serviceName: string;
  port: number;
{%- if values.stateful %}
  /** Where the pod's volume is mounted. */
  dataDir: string;
{%- endif %}
  logger: Logger;
  /** How long readiness fails before the server stops accepting connections. */
  shutdownDelayMs: number;
  /** How long in-flight requests may take to finish once accepting stopped. */
  drainTimeoutMs: number;
}

export interface RunningServer {
  port: number;
  health: Health;
  /** Fails readiness, waits, stops accepting, drains; resolves when closed. */
  shutdown(reason: string): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const health = new Health();
{%- if values.stateful %}
  const store = new FileStore({ dir: options.dataDir });
  // Not ready before the volume is writable.
  await store.open();
{%- endif %}
  const app = createApp({
    serviceName: options.serviceName,
    logger,
    metrics: createMetrics(),
    health,
{%- if values.stateful %}
    routes: router => addKvRoutes(router, { store }),
{%- endif %}
  });

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port, () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  health.markStarted();
  logger.info('listening', { port });

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    closing ??= (async () => {
      logger.info('shutdown started: readiness now fails', { reason });
      health.startDraining();
      // Give load balancers and endpoint controllers time to stop routing here.
      await sleep(options.shutdownDelayMs);
      logger.info('no longer accepting connections; draining');
      const closed = new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      );
      server.closeIdleConnections();
      const forceClose = setTimeout(() => {
        logger.warn('drain timeout reached; closing remaining connections');
        server.closeAllConnections();
      }, options.drainTimeoutMs);
      try {
        await closed;
      } finally {
        clearTimeout(forceClose);
      }
      logger.info('shutdown complete');
    })();
    return closing;
  };

  return { port, health, shutdown };
}
