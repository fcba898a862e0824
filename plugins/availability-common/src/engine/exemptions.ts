import type { ConfigExemption, ExemptionOrigin } from '../types';

/** @public */
export const EXEMPT_ANNOTATION = 'availability.backstage.io/exempt';
/** @public */
export const EXEMPT_REASON_ANNOTATION =
  'availability.backstage.io/exempt-reason';
/** @public */
export const EXEMPT_UNTIL_ANNOTATION = 'availability.backstage.io/exempt-until';

/**
 * What an exemption is checked against.
 *
 * @internal
 */
export interface ExemptionTarget {
  kind: string;
  name: string;
  namespace: string;
  annotations: Record<string, string>;
}

/** @internal */
export type ExemptionMatch =
  | {
      active: true;
      reason: string;
      until: string | null;
      origin: ExemptionOrigin;
    }
  | { active: false; note: string };

interface ExemptionSource {
  origin: ExemptionOrigin;
  checks: (checkId: string) => boolean;
  matches: (target: ExemptionTarget) => boolean;
  reason: (target: ExemptionTarget) => string;
  until: string | undefined;
  /** Where the exemption lives, for lapse messages. */
  where: (target: ExemptionTarget) => string;
}

/**
 * Finds the exemption covering a check on an object, looking at the object's
 * annotations, then the catalog entity's, then config. Lapsed exemptions are
 * skipped but remembered, so a failure can say why it counts again.
 *
 * @internal
 */
export class ExemptionResolver {
  readonly #today: string;
  readonly #shared: ExemptionSource[];

  constructor(options: {
    now?: Date;
    entityAnnotations?: Record<string, string>;
    config?: ConfigExemption[];
  }) {
    this.#today = utcDate(options.now);
    this.#shared = [];
    const entity = annotationSource(
      options.entityAnnotations,
      'entity',
      () => 'the catalog entity',
    );
    if (entity) {
      this.#shared.push(entity);
    }
    for (const exemption of Array.isArray(options.config)
      ? options.config
      : []) {
      const source = configSource(exemption);
      if (source) {
        this.#shared.push(source);
      }
    }
  }

  /** The exemption lookup for one object, its annotations parsed once. */
  forTarget(
    target: ExemptionTarget,
  ): (checkId: string) => ExemptionMatch | undefined {
    const own = annotationSource(
      target.annotations,
      'object',
      t => `the ${t.kind} "${t.name}"`,
    );
    const sources = own ? [own, ...this.#shared] : this.#shared;
    return checkId => this.#find(sources, target, checkId);
  }

  #find(
    sources: ExemptionSource[],
    target: ExemptionTarget,
    checkId: string,
  ): ExemptionMatch | undefined {
    let lapsed: ExemptionMatch | undefined;
    for (const source of sources) {
      if (!source.checks(checkId) || !source.matches(target)) {
        continue;
      }
      const until = source.until;
      if (until === undefined) {
        return {
          active: true,
          reason: source.reason(target),
          until: null,
          origin: source.origin,
        };
      }
      const date = parseIsoDate(until);
      if (date && date >= this.#today) {
        return {
          active: true,
          reason: source.reason(target),
          until: date,
          origin: source.origin,
        };
      }
      lapsed ??= {
        active: false,
        note: date
          ? `The exemption on ${source.where(
              target,
            )} expired on ${date}, so this check counts again.`
          : `The exemption on ${source.where(
              target,
            )} has an expiry "${until}" that is not a valid ISO date (YYYY-MM-DD), so it counts as lapsed.`,
      };
    }
    return lapsed;
  }
}

function annotationSource(
  annotations: Record<string, string> | undefined,
  origin: 'object' | 'entity',
  where: (target: ExemptionTarget) => string,
): ExemptionSource | undefined {
  const raw = annotations?.[EXEMPT_ANNOTATION];
  if (typeof raw !== 'string') {
    return undefined;
  }
  const ids = new Set(parseCheckList(raw));
  if (ids.size === 0) {
    return undefined;
  }
  const reason = annotations?.[EXEMPT_REASON_ANNOTATION]?.trim();
  const until = annotations?.[EXEMPT_UNTIL_ANNOTATION];
  return {
    origin,
    checks: id => ids.has(id),
    matches: () => true,
    reason: target =>
      reason ||
      `Exempted by the ${EXEMPT_ANNOTATION} annotation on ${where(target)}.`,
    until: typeof until === 'string' ? until.trim() : undefined,
    where,
  };
}

function configSource(exemption: ConfigExemption): ExemptionSource | undefined {
  if (typeof exemption !== 'object' || exemption === null) {
    return undefined;
  }
  const namespaces = Array.isArray(exemption.namespaces)
    ? new Set(exemption.namespaces)
    : undefined;
  const names = Array.isArray(exemption.names)
    ? exemption.names.filter(n => typeof n === 'string').map(globToRegExp)
    : undefined;
  const checks = Array.isArray(exemption.checks)
    ? new Set(exemption.checks)
    : undefined;
  const reason =
    typeof exemption.reason === 'string' && exemption.reason.trim()
      ? exemption.reason.trim()
      : 'Exempted by the availability.exemptions config.';
  return {
    origin: 'config',
    checks: id => !checks || checks.has(id),
    matches: target =>
      (!namespaces || namespaces.has(target.namespace)) &&
      (!names || names.some(pattern => pattern.test(target.name))),
    reason: () => reason,
    until:
      typeof exemption.until === 'string' ? exemption.until.trim() : undefined,
    where: () => 'the availability.exemptions config',
  };
}

/**
 * "a, b ,c" to ["a", "b", "c"].
 *
 * @internal
 */
export function parseCheckList(raw: string): string[] {
  return raw
    .split(',')
    .map(id => id.trim())
    .filter(id => id.length > 0);
}

/**
 * An ISO date (`2025-06-30`, or a timestamp starting with one) reduced to
 * `YYYY-MM-DD`; undefined when it is not a real calendar date.
 *
 * @internal
 */
export function parseIsoDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, time] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  ) {
    return undefined;
  }
  if (time && Number.isNaN(Date.parse(text.trim()))) {
    return undefined;
  }
  return `${year}-${month}-${day}`;
}

function utcDate(now: Date | undefined): string {
  const date =
    now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  return date.toISOString().slice(0, 10);
}

const globCache = new Map<string, RegExp>();

/**
 * `*` is any run of characters, `?` one character; the rest is literal.
 *
 * @internal
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = globCache.get(glob);
  if (!pattern) {
    const body = glob
      .split('')
      .map(char => {
        if (char === '*') return '.*';
        if (char === '?') return '.';
        return char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      })
      .join('');
    pattern = new RegExp(`^${body}$`, 's');
    globCache.set(glob, pattern);
  }
  return pattern;
}
