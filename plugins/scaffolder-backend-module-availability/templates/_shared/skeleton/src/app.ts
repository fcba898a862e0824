import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Health } from './health';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

// Probe and scrape requests are frequent and not worth a log line each.
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

export function createApp(options: {
  serviceName: string;
  logger: Logger;
  metrics: Metrics;
  health: Health;
  /** Adds the service's own routes, after the operational ones. */
  routes?: (app: Express) => void;
}): Express {
  const { serviceName, logger, metrics, health } = options;
  const app = express();
  app.disable('x-powered-by');

  app.use((req, res, next) => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // The route pattern, not the raw path, keeps label cardinality bounded.
      const route: string = req.route?.path ?? 'unmatched';
      stopTimer({ method: req.method, route, status: String(res.statusCode) });
      if (!QUIET_PATHS.has(req.path)) {
        logger.info('request', {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        });
      }
    });
    next();
  });

  // Liveness: the event loop answers. Never depends on downstream services.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness: fails while starting and as soon as shutdown begins.
  app.get('/ready', (_req, res) => {
    if (health.ready) {
      res.json({ status: 'ready' });
    } else {
      res
        .status(503)
        .json({ status: health.draining ? 'draining' : 'starting' });
    }
  });

  app.get('/metrics', async (_req, res, next) => {
    try {
      const body = await metrics.registry.metrics();
      res.set('Content-Type', metrics.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });

  app.get('/', (_req, res) => {
    res.json({ service: serviceName, message: 'Hello from a highly available {% if values.stateful %}stateful {% endif %}service' });
  });

  options.routes?.(app);

  const handleError: ErrorRequestHandler = (error, req, res, _next) => {
    logger.error('request failed', { method: req.method, path: req.path, error });
    res.status(500).json({ error: 'internal error' });
  };
  app.use(handleError);

  return app;
}
