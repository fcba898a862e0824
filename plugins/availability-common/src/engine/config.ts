import { InputError } from '@backstage/errors';
import { SEVERITIES } from '../contract';
import type {
  AvailabilityConfig,
  CheckOverride,
  ConfigExemption,
  Severity,
} from '../types';
import { availabilityChecks } from '../checks';
import { parseIsoDate } from './exemptions';
import { asInt, describeValue, isRecord } from './read';

/**
 * An availability config with every default filled in.
 *
 * @public
 */
export interface ResolvedAvailabilityConfig {
  checks: Record<string, CheckOverride>;
  thresholds: { minReplicas: number; maxRestarts: number };
  exemptions: ConfigExemption[];
}

/**
 * What a fresh install uses: every check at its catalog severity, at least 2
 * replicas, at most 5 restarts, and the `kube-system` namespace waived.
 *
 * @public
 */
export const DEFAULT_AVAILABILITY_CONFIG: ResolvedAvailabilityConfig =
  Object.freeze({
    checks: Object.freeze({}),
    thresholds: Object.freeze({ minReplicas: 2, maxRestarts: 5 }),
    exemptions: Object.freeze([
      Object.freeze({
        namespaces: Object.freeze(['kube-system']) as string[],
        reason:
          'kube-system holds cluster components run by the platform, not by service teams.',
      }),
    ]) as ConfigExemption[],
  }) as ResolvedAvailabilityConfig;

/**
 * Fills in the defaults of an availability config. Thresholds and check
 * overrides merge key by key; `exemptions`, when given, replace the default
 * list (as arrays do in Backstage config), so an operator can drop the
 * `kube-system` waiver with `exemptions: []`. Values of the wrong shape fall
 * back to the defaults; use {@link validateAvailabilityConfig} to reject them.
 *
 * @public
 */
export function resolveConfig(
  config?: AvailabilityConfig | null,
): ResolvedAvailabilityConfig {
  const defaults = DEFAULT_AVAILABILITY_CONFIG;
  if (!isRecord(config)) {
    return {
      checks: {},
      thresholds: { ...defaults.thresholds },
      exemptions: [...defaults.exemptions],
    };
  }
  const thresholds = isRecord(config.thresholds) ? config.thresholds : {};
  return {
    checks: isRecord(config.checks)
      ? ({ ...config.checks } as Record<string, CheckOverride>)
      : {},
    thresholds: {
      minReplicas:
        positiveInt(thresholds.minReplicas) ?? defaults.thresholds.minReplicas,
      maxRestarts:
        positiveInt(thresholds.maxRestarts) ?? defaults.thresholds.maxRestarts,
    },
    exemptions: Array.isArray(config.exemptions)
      ? (config.exemptions.filter(isRecord) as unknown as ConfigExemption[])
      : [...defaults.exemptions],
  };
}

/**
 * Keys of the `availability` config block that the engine reads. Other
 * readers of the block (the backend's schedule and refresh settings) own
 * and validate their keys themselves.
 *
 * @public
 */
export const ENGINE_CONFIG_KEYS = [
  'checks',
  'thresholds',
  'exemptions',
] as const;

/**
 * The engine's keys of a config block that other readers share, for
 * {@link validateAvailabilityConfig}; anything but an object is returned as
 * it is, for the validator to reject.
 *
 * @public
 */
export function engineConfigOf(block: unknown): unknown {
  if (!isRecord(block)) {
    return block;
  }
  const picked: Record<string, unknown> = {};
  for (const key of ENGINE_CONFIG_KEYS) {
    if (block[key] !== undefined) {
      picked[key] = block[key];
    }
  }
  return picked;
}

/**
 * Checks that a value (the `availability` config block, or the CLI's config
 * file) has the shape of an {@link AvailabilityConfig} and returns it with
 * numeric strings read as numbers. Throws an `InputError` naming the path and
 * the problem: unknown keys, unknown check ids, bad severities, bad dates.
 * A block that other readers share goes through {@link engineConfigOf}
 * first.
 *
 * @public
 */
export function validateAvailabilityConfig(value: unknown): AvailabilityConfig {
  const root = 'availability';
  if (value === undefined || value === null) {
    return {};
  }
  const config = expectRecord(value, root, ENGINE_CONFIG_KEYS);
  const result: AvailabilityConfig = {};
  if (config.checks !== undefined) {
    const checks = expectRecord(config.checks, `${root}.checks`);
    result.checks = {};
    for (const [id, override] of Object.entries(checks)) {
      const path = `${root}.checks.${id}`;
      expectCheckId(id, path);
      const entry = expectRecord(override, path, ['enabled', 'severity']);
      const parsed: CheckOverride = {};
      if (entry.enabled !== undefined) {
        if (typeof entry.enabled !== 'boolean') {
          throw invalid(
            `${path}.enabled`,
            `must be true or false, got ${show(entry.enabled)}`,
          );
        }
        parsed.enabled = entry.enabled;
      }
      if (entry.severity !== undefined) {
        parsed.severity = expectSeverity(entry.severity, `${path}.severity`);
      }
      result.checks[id] = parsed;
    }
  }
  if (config.thresholds !== undefined) {
    const path = `${root}.thresholds`;
    const thresholds = expectRecord(config.thresholds, path, [
      'minReplicas',
      'maxRestarts',
    ]);
    result.thresholds = {};
    for (const key of ['minReplicas', 'maxRestarts'] as const) {
      if (thresholds[key] !== undefined) {
        const number = positiveInt(thresholds[key]);
        if (number === undefined) {
          throw invalid(
            `${path}.${key}`,
            `must be a whole number of at least 1, got ${show(
              thresholds[key],
            )}`,
          );
        }
        result.thresholds[key] = number;
      }
    }
  }
  if (config.exemptions !== undefined) {
    const path = `${root}.exemptions`;
    if (!Array.isArray(config.exemptions)) {
      throw invalid(path, `must be a list, got ${show(config.exemptions)}`);
    }
    result.exemptions = config.exemptions.map((item, i) =>
      validateExemption(item, `${path}[${i}]`),
    );
  }
  return result;
}

function validateExemption(value: unknown, path: string): ConfigExemption {
  const entry = expectRecord(value, path, [
    'namespaces',
    'names',
    'checks',
    'reason',
    'until',
  ]);
  if (typeof entry.reason !== 'string' || entry.reason.trim() === '') {
    throw invalid(
      `${path}.reason`,
      'is required: say why these checks are waived',
    );
  }
  const exemption: ConfigExemption = { reason: entry.reason };
  for (const key of ['namespaces', 'names', 'checks'] as const) {
    if (entry[key] !== undefined) {
      exemption[key] = expectStringList(entry[key], `${path}.${key}`);
    }
  }
  exemption.checks?.forEach((id, i) =>
    expectCheckId(id, `${path}.checks[${i}]`),
  );
  if (entry.until !== undefined) {
    // YAML reads an unquoted date as a Date object.
    const until =
      entry.until instanceof Date && !Number.isNaN(entry.until.getTime())
        ? entry.until.toISOString().slice(0, 10)
        : entry.until;
    if (typeof until !== 'string' || !parseIsoDate(until)) {
      throw invalid(
        `${path}.until`,
        `${show(entry.until)} is not a valid ISO date (YYYY-MM-DD)`,
      );
    }
    exemption.until = until;
  }
  return exemption;
}

function expectRecord(
  value: unknown,
  path: string,
  allowed?: readonly string[],
): Record<string, unknown> {
  if (!isRecord(value)) {
    throw invalid(path, `must be an object, got ${show(value)}`);
  }
  if (allowed) {
    const extra = Object.keys(value).find(key => !allowed.includes(key));
    if (extra !== undefined) {
      throw invalid(
        `${path}.${extra}`,
        `is not a known key; expected one of ${allowed.join(', ')}`,
      );
    }
  }
  return value;
}

function expectStringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) {
    throw invalid(path, `must be a list of strings, got ${show(value)}`);
  }
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item === '') {
      throw invalid(
        `${path}[${i}]`,
        `must be a non-empty string, got ${show(item)}`,
      );
    }
  });
  return value as string[];
}

function expectSeverity(value: unknown, path: string): Severity {
  if (!SEVERITIES.includes(value as Severity)) {
    throw invalid(
      path,
      `must be one of ${SEVERITIES.join(', ')}, got ${show(value)}`,
    );
  }
  return value as Severity;
}

function expectCheckId(id: unknown, path: string) {
  if (
    typeof id !== 'string' ||
    !availabilityChecks.some(check => check.id === id)
  ) {
    throw invalid(
      path,
      `${show(
        id,
      )} is not a known check id (see GET /checks or the README for the catalog)`,
    );
  }
}

function positiveInt(value: unknown): number | undefined {
  const number = asInt(value);
  return number !== undefined && number >= 1 ? number : undefined;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  return describeValue(value);
}

function invalid(path: string, problem: string) {
  return new InputError(`Invalid availability config: ${path} ${problem}`);
}
