import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { InputError } from '@backstage/errors';
import {
  engineConfigOf,
  validateAvailabilityConfig,
} from '@availability-backstage/plugin-availability-common';
import type { AvailabilityConfig } from '@availability-backstage/plugin-availability-common';

/**
 * Reads `--config FILE`: YAML or JSON holding either the `availability:`
 * block of app-config itself, or a whole app-config-like file with a
 * top-level `availability:` key.
 */
export function loadConfig(file: string, cwd: string): AvailabilityConfig {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(
      `Cannot read config file ${file}: ${(error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: false });
  } catch (error) {
    throw new InputError(
      `Config file ${file} is not valid YAML or JSON: ${
        (error as Error).message
      }`,
    );
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'availability' in value
  ) {
    // An app-config: the backend's keys of its block are not ours to judge.
    value = engineConfigOf((value as { availability: unknown }).availability);
  }
  try {
    return validateAvailabilityConfig(value);
  } catch (error) {
    throw new InputError(
      `Invalid config in ${file}: ${(error as Error).message}`,
    );
  }
}
