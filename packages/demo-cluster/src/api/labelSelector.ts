import { InputError } from '@backstage/errors';

/**
 * One requirement of a label selector, as the API server understands it.
 *
 * @internal
 */
export type LabelRequirement =
  | { key: string; operator: 'equals' | 'notEquals'; value: string }
  | { key: string; operator: 'in' | 'notIn'; values: string[] }
  | { key: string; operator: 'exists' | 'doesNotExist' };

// Splits on commas that are not inside a `(…)` value set.
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

const KEY = /^([a-z0-9A-Z]([a-z0-9A-Z._/-]*[a-z0-9A-Z])?)$/;
const VALUE = /^([a-z0-9A-Z]([a-z0-9A-Z._-]*[a-z0-9A-Z])?)?$/;

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key)) {
    throw new InputError(
      `unable to parse requirement: invalid label key "${key}" in "${selector}"`,
    );
  }
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!VALUE.test(value)) {
    throw new InputError(
      `unable to parse requirement: invalid label value "${value}" in "${selector}"`,
    );
  }
  return value;
}

function parseRequirement(part: string, selector: string): LabelRequirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (setMatch) {
    const values = setMatch[3]
      .split(',')
      .map(v => v.trim())
      .filter(v => v.length > 0)
      .map(v => checkValue(v, selector));
    if (values.length === 0) {
      throw new InputError(
        `unable to parse requirement: empty value set in "${selector}"`,
      );
    }
    return {
      key: checkKey(setMatch[1], selector),
      operator: setMatch[2] === 'in' ? 'in' : 'notIn',
      values,
    };
  }
  const opMatch = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
  if (opMatch) {
    return {
      key: checkKey(opMatch[1], selector),
      operator: opMatch[2] === '!=' ? 'notEquals' : 'equals',
      value: checkValue(opMatch[3], selector),
    };
  }
  if (part.startsWith('!')) {
    return {
      key: checkKey(part.slice(1).trim(), selector),
      operator: 'doesNotExist',
    };
  }
  return { key: checkKey(part, selector), operator: 'exists' };
}

/**
 * Parses a `labelSelector` query parameter: equality (`=`, `==`, `!=`),
 * set-based (`in`, `notin`) and existence (`key`, `!key`) requirements,
 * joined by commas. An empty selector selects everything.
 *
 * @internal
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTopLevel(selector).map(part => parseRequirement(part, selector));
}

/**
 * Whether labels satisfy every requirement, with the API server's semantics
 * (`!=` and `notin` also match objects without the label).
 *
 * @internal
 */
export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const actual = labels ?? {};
  return requirements.every(req => {
    const has = Object.prototype.hasOwnProperty.call(actual, req.key);
    const value = actual[req.key];
    switch (req.operator) {
      case 'equals':
        return has && value === req.value;
      case 'notEquals':
        return !has || value !== req.value;
      case 'in':
        return has && req.values.includes(value);
      case 'notIn':
        return !has || !req.values.includes(value);
      case 'exists':
        return has;
      case 'doesNotExist':
        return !has;
      default:
        return false;
    }
  });
}

/**
 * The requirements of a `metav1.LabelSelector` object (`matchLabels` and
 * `matchExpressions`), as controllers, PDBs and Services use them.
 *
 * @internal
 */
export function requirementsOfSelector(selector: {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}): LabelRequirement[] {
  const fromLabels: LabelRequirement[] = Object.entries(
    selector.matchLabels ?? {},
  ).map(([key, value]) => ({ key, operator: 'equals', value }));
  const fromExpressions: LabelRequirement[] = (
    selector.matchExpressions ?? []
  ).map(expr => {
    switch (expr.operator) {
      case 'In':
        return { key: expr.key, operator: 'in', values: expr.values ?? [] };
      case 'NotIn':
        return { key: expr.key, operator: 'notIn', values: expr.values ?? [] };
      case 'Exists':
        return { key: expr.key, operator: 'exists' };
      case 'DoesNotExist':
        return { key: expr.key, operator: 'doesNotExist' };
      default:
        throw new InputError(
          `"${expr.operator}" is not a valid label selector operator`,
        );
    }
  });
  return [...fromLabels, ...fromExpressions];
}
