import { InputError } from '@backstage/errors';
import { EmulatorFault } from '../types';

const STATUSES = [401, 403, 500];

/**
 * Validates a fault given as JSON (control endpoint) or YAML (cluster.yaml).
 *
 * @internal
 */
export function parseFault(value: unknown): EmulatorFault {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('A fault must be an object');
  }
  const input = value as Record<string, unknown>;
  const unknownKeys = Object.keys(input).filter(
    key => !['latencyMs', 'timeout', 'status', 'malformedJson'].includes(key),
  );
  if (unknownKeys.length > 0) {
    throw new InputError(`Unknown fault switches: ${unknownKeys.join(', ')}`);
  }
  const fault: EmulatorFault = {};
  if (input.latencyMs !== undefined) {
    if (typeof input.latencyMs !== 'number' || input.latencyMs < 0) {
      throw new InputError('latencyMs must be a number of milliseconds ≥ 0');
    }
    fault.latencyMs = input.latencyMs;
  }
  if (input.timeout !== undefined) {
    if (
      typeof input.timeout !== 'boolean' &&
      !(typeof input.timeout === 'number' && input.timeout >= 0)
    ) {
      throw new InputError('timeout must be true, false or milliseconds ≥ 0');
    }
    fault.timeout = input.timeout;
  }
  if (input.status !== undefined) {
    if (!STATUSES.includes(input.status as number)) {
      throw new InputError(`status must be one of ${STATUSES.join(', ')}`);
    }
    fault.status = input.status as EmulatorFault['status'];
  }
  if (input.malformedJson !== undefined) {
    if (typeof input.malformedJson !== 'boolean') {
      throw new InputError('malformedJson must be a boolean');
    }
    fault.malformedJson = input.malformedJson;
  }
  return fault;
}
