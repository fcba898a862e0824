/*
 * What the backend suites share: a signed-in user's headers, JSON reads,
 * the server's base URL, a recording root logger, a schedule that never
 * fires by itself (the suites trigger every refresh) and a backend with the
 * catalog beside the availability plugin.
 */
import type { AddressInfo } from 'node:net';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { JsonObject } from '@backstage/types';
import availabilityPlugin from '@availability-backstage/plugin-availability-backend';
import { availabilityProbe } from '@availability-backstage/plugin-availability-backend/src/service/__testUtils__/testBackend';
import { requestJson } from './requestJson';

/** The clusters of the generated fixtures. */
export const CLUSTERS = ['prod-eu', 'prod-us', 'staging'];

export const auth = { Authorization: mockCredentials.user.header() };

export const log = (message: string) => process.stderr.write(`${message}\n`);

/** The refresh only runs when the suite triggers it. */
export const QUIET_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { hours: 1 },
  initialDelay: { hours: 24 },
};

export function baseUrl(server: { address(): AddressInfo | string | null }) {
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** A signed-in user's GET, on a connection of its own (see requestJson). */
export function getJson(url: string): Promise<any> {
  return requestJson(url, { headers: auth });
}

/**
 * Keeps info lines for the suite to read back (with `pluginPrefix`, each
 * after its plugin's id); prints errors, and the first `printedWarnings`
 * warnings (a hung pass logs thousands). Children share their root's lines
 * and count.
 */
export class RecordingLogger implements RootLoggerService {
  readonly #lines: string[] = [];
  readonly #printedWarnings: number;
  readonly #pluginPrefix: boolean;
  #warnings = 0;
  #root: RecordingLogger = this;
  #prefix = '';

  constructor(
    options: { printedWarnings?: number; pluginPrefix?: boolean } = {},
  ) {
    this.#printedWarnings = options.printedWarnings ?? Infinity;
    this.#pluginPrefix = options.pluginPrefix ?? false;
  }

  get lines(): string[] {
    return this.#root.#lines;
  }

  child(meta: Record<string, unknown>): RecordingLogger {
    const child = new RecordingLogger();
    child.#root = this.#root;
    const plugin =
      this.#root.#pluginPrefix && meta.plugin ? `${meta.plugin}: ` : '';
    child.#prefix = this.#prefix || plugin;
    return child;
  }

  info(message: string) {
    this.lines.push(`${this.#prefix}${message}`);
  }

  debug() {}

  warn(message: string, meta?: unknown) {
    const root = this.#root;
    root.#warnings += 1;
    if (root.#warnings <= root.#printedWarnings) {
      log(`  warn ${this.#prefix}${message} ${meta ? String(meta) : ''}`);
    }
  }

  error(message: string, meta?: unknown) {
    log(`  error ${this.#prefix}${message} ${meta ? String(meta) : ''}`);
  }

  /** The backend's root logger service, as this logger. */
  serviceFactory() {
    return createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => this,
    });
  }
}

export function catalogConfig(file: string) {
  return {
    rules: [{ allow: ['Component', 'Location'] }],
    locations: [{ type: 'file', target: file }],
    // Process once, then stay idle: no re-processing during the timings.
    processingInterval: { hours: 24 },
  };
}

/**
 * The catalog (over the Components of `catalogFile`) and the availability
 * plugin in one backend on an in-memory SQLite, on the mock scheduler (no
 * task runs at start-up) and the quiet schedule, `availability` laid over
 * that schedule and `config` beside it; `features` are added. The returned
 * `probe` hands out the availability plugin's scheduler and database.
 */
export async function startCatalogBackend(options: {
  catalogFile: string;
  availability?: JsonObject;
  config?: JsonObject;
  features?: BackendFeature[];
}) {
  const probe = availabilityProbe();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      availabilityPlugin,
      probe.feature,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          catalog: catalogConfig(options.catalogFile),
          ...options.config,
          availability: { schedule: QUIET_SCHEDULE, ...options.availability },
        },
      }),
    ],
  });
  return { backend, base: baseUrl(backend.server as any), probe };
}

/** Waits until the catalog serves `count` Components. */
export async function waitForCatalog(base: string, count: number) {
  const started = Date.now();
  let last = -1;
  for (;;) {
    const page = await getJson(
      `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
    );
    if (page.totalItems !== last) {
      last = page.totalItems;
      log(`  catalog: ${last}/${count} components`);
    }
    if (page.totalItems >= count) {
      return Date.now() - started;
    }
    if (Date.now() - started > 20 * 60_000) {
      throw new Error(`catalog stuck at ${last}/${count} components`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}
