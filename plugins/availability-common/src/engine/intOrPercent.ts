import { describeValue } from './read';

/**
 * The result of resolving an int-or-percent field: a whole number, or a
 * `problem` saying why the value could not be read.
 *
 * @internal
 */
export type Resolved =
  | { value: number; percent: boolean; problem?: undefined }
  | { value?: undefined; percent?: undefined; problem: string };

/**
 * Resolves a Kubernetes int-or-percent value (`2`, `"2"`, `"25%"`) against a
 * total. Percentages round as the caller says: rollouts round
 * `maxUnavailable` down and `maxSurge` up; the disruption controller rounds
 * PDB percentages up. Numeric strings are integers.
 *
 * @internal
 */
export function resolveIntOrPercent(
  raw: unknown,
  total: number,
  rounding: 'up' | 'down',
): Resolved {
  if (typeof raw === 'number') {
    return Number.isSafeInteger(raw) && raw >= 0
      ? { value: raw, percent: false }
      : { problem: `${raw} is not a non-negative whole number` };
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (/^\d{1,15}$/.test(text)) {
      return { value: Number(text), percent: false };
    }
    const match = /^(\d{1,15})%$/.exec(text);
    if (match) {
      const percent = Number(match[1]);
      // Integer arithmetic avoids 0.1-style float error at exact boundaries.
      const scaled = percent * total;
      const value =
        rounding === 'up' ? Math.ceil(scaled / 100) : Math.floor(scaled / 100);
      return { value, percent: true };
    }
    return { problem: `"${raw}" is neither a whole number nor a percentage` };
  }
  return {
    problem: `${describeValue(raw)} is neither a whole number nor a percentage`,
  };
}
