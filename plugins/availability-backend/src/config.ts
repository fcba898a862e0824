import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  AvailabilityConfig,
  LEVELS,
  validateAvailabilityConfig,
} from '@availability-backstage/plugin-availability-common';
import type { LevelChangeNotificationsConfig } from './service/notifyLevelChanges';

/**
 * The backend's typed view of the `availability:` config block.
 *
 * @public
 */
export interface AvailabilityBackendConfig {
  /** Check overrides, thresholds and exemptions, as validated by `-common`. */
  evaluation: AvailabilityConfig;
  /** When the refresh of every entity runs. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How many entities refresh at once. */
  concurrency: number;
  /**
   * Where objects come from: `cluster` lists every cluster once per pass
   * through the kubernetes backend's proxy; `entity` asks the kubernetes
   * backend entity by entity.
   */
  source: 'cluster' | 'entity';
  /** Deadline of each request to one cluster (the `cluster` source and Node lists). */
  clusterTimeoutMs: number;
  /** How long one request to the kubernetes backend may take (the `entity` source). */
  requestTimeoutMs: number;
  /** How long on-demand refreshes reuse a cluster's Node list (0: never). */
  nodeCacheTtlMs: number;
  /** Most history points kept per entity. */
  historyLimit: number;
  /** Largest body `POST /evaluate` accepts, in bytes or as `4mb`. */
  evaluateMaxBodySize: string | number;
  /** Exemptions running longer than this many days (or forever) are flagged in the ledger. */
  ledgerHorizonDays: number;
  /** When owners are told that an entity's availability got worse. */
  notifications: LevelChangeNotificationsConfig;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 15 },
};

function positiveInteger(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid config at availability.${key}: must be a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}

function durationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
  options?: { allowZero?: boolean },
) {
  if (!config.has(key)) {
    return durationToMilliseconds(fallback);
  }
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (ms < 0 || (ms === 0 && !options?.allowZero)) {
    throw new Error(
      `Invalid config at availability.${key}: must be ${
        options?.allowZero ? 'zero or positive' : 'positive'
      }`,
    );
  }
  return ms;
}

/**
 * Reads and validates the `availability:` block; throws with the offending
 * path on invalid values so that a misconfigured backend fails at startup.
 *
 * @public
 */
export function readAvailabilityBackendConfig(
  rootConfig: Config,
): AvailabilityBackendConfig {
  // Without the block, every setting takes its default below.
  const config =
    rootConfig.getOptionalConfig('availability') ?? new ConfigReader({});

  // Only the engine's keys go to its validator, which rejects unknown keys.
  const evaluation = validateAvailabilityConfig({
    checks: config.getOptional('checks'),
    thresholds: config.getOptional('thresholds'),
    exemptions: config.getOptional('exemptions'),
  });

  const schedule = config.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;

  const maxBodySize =
    config.getOptional<string | number>('evaluate.maxBodySize') ?? '4mb';
  if (
    !(typeof maxBodySize === 'number' && maxBodySize > 0) &&
    !(
      typeof maxBodySize === 'string' &&
      /^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(maxBodySize)
    )
  ) {
    throw new Error(
      `Invalid config at availability.evaluate.maxBodySize: expected a size like 4mb, got ${maxBodySize}`,
    );
  }

  const source = config.getOptionalString('source') ?? 'cluster';
  if (source !== 'cluster' && source !== 'entity') {
    throw new Error(
      `Invalid config at availability.source: expected cluster or entity, got ${source}`,
    );
  }

  return {
    evaluation: stripUndefined(evaluation),
    schedule,
    source,
    clusterTimeoutMs: durationMs(config, 'clusterTimeout', { seconds: 20 }),
    concurrency: positiveInteger(config, 'refresh.concurrency', 4),
    requestTimeoutMs: durationMs(config, 'refresh.requestTimeout', {
      seconds: 30,
    }),
    nodeCacheTtlMs: durationMs(
      config,
      'refresh.nodeCacheTtl',
      { minutes: 5 },
      { allowZero: true },
    ),
    historyLimit: positiveInteger(config, 'history.maxPoints', 365),
    evaluateMaxBodySize: maxBodySize,
    ledgerHorizonDays: positiveInteger(config, 'ledger.horizonDays', 365),
    notifications: {
      enabled: config.getOptionalBoolean('notifications.enabled') ?? false,
      minLevelDrop: levelDrop(config),
      quietPeriodMs: durationMs(
        config,
        'notifications.quietPeriod',
        { hours: 1 },
        { allowZero: true },
      ),
    },
  };
}

function levelDrop(config: Config) {
  const value = positiveInteger(config, 'notifications.minLevelDrop', 1);
  if (value > LEVELS.length - 1) {
    throw new Error(
      `Invalid config at availability.notifications.minLevelDrop: a level can fall by at most ${
        LEVELS.length - 1
      }, got ${value}`,
    );
  }
  return value;
}

function stripUndefined(config: AvailabilityConfig): AvailabilityConfig {
  return Object.fromEntries(
    Object.entries(config).filter(([, v]) => v !== undefined),
  ) as AvailabilityConfig;
}
