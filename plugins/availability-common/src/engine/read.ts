/*
 * Defensive readers for untrusted input. Objects reach the engine from YAML
 * files and cluster APIs, so any field may be missing, null or of the wrong
 * type; these helpers turn such values into `undefined` instead of throwing.
 */

/** @internal */
export type Dict = Record<string, unknown>;

/** @internal */
export function isRecord(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal */
export function asRecord(value: unknown): Dict | undefined {
  return isRecord(value) ? value : undefined;
}

/**
 * The record elements of an array; anything else reads as empty. Read-only:
 * it may be the input array itself.
 *
 * @internal
 */
export function records<T = Dict>(value: unknown): T[] {
  if (!Array.isArray(value)) {
    return [];
  }
  // The usual case, every element a record, needs no copy.
  for (let i = 0; i < value.length; i++) {
    if (!isRecord(value[i])) {
      return value.filter(isRecord) as T[];
    }
  }
  return value as T[];
}

/** @internal */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A non-empty string, or undefined.
 *
 * @internal
 */
export function asNonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * A whole number from a number or a numeric string (`3` or `"3"`), as the
 * contract treats numeric strings as integers. Anything else is undefined.
 *
 * @internal
 */
export function asInt(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) {
    return Number(value.trim());
  }
  return undefined;
}

/**
 * Labels or annotations: only string values survive. Read-only: it may be
 * the input object itself.
 *
 * @internal
 */
export function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) {
    return {};
  }
  // The usual case, every value a string, needs no copy.
  for (const key in value) {
    if (hasOwn(value, key) && typeof value[key] !== 'string') {
      const result: Record<string, string> = {};
      for (const [k, entry] of Object.entries(value)) {
        if (typeof entry === 'string') {
          result[k] = entry;
        }
      }
      return result;
    }
  }
  return value as Record<string, string>;
}

/** @internal */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/**
 * Short, printable form of an untrusted value for messages.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // BigInts, cycles and null-prototype objects cannot always be printed.
    text = typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
