import type { V1LabelSelector } from '@kubernetes/client-node';
import { isRecord } from './read';

/**
 * Whether a Kubernetes label selector matches a set of labels, with the API
 * server's semantics: `matchLabels` and every `matchExpressions` entry must
 * hold (`In`, `NotIn`, `Exists`, `DoesNotExist`); an empty selector matches
 * everything. A missing (null) selector and an invalid one (an unknown
 * operator, `In` without values, non-string values) match nothing.
 *
 * @public
 */
export function labelSelectorMatches(
  selector: V1LabelSelector | null | undefined,
  labels: Record<string, string> | null | undefined,
): boolean {
  if (!isRecord(selector)) {
    return false;
  }
  const own = isRecord(labels) ? labels : {};
  const matchLabels: unknown = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) {
      return false;
    }
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string' || !hasLabel(own, key, value)) {
        return false;
      }
    }
  }
  const expressions: unknown = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null) {
    if (!Array.isArray(expressions)) {
      return false;
    }
    for (const expression of expressions) {
      if (!expressionMatches(expression, own)) {
        return false;
      }
    }
  }
  return true;
}

/**
 * A Service-style selector (a plain map, every pair must match). An empty or
 * missing map matches nothing here: Services without selectors select no pods.
 *
 * @internal
 */
export function mapSelectorMatches(
  selector: Record<string, string>,
  labels: Record<string, string>,
): boolean {
  const entries = Object.entries(selector);
  return (
    entries.length > 0 &&
    entries.every(([key, value]) => hasLabel(labels, key, value))
  );
}

function hasLabel(labels: Record<string, string>, key: string, value: string) {
  return (
    Object.prototype.hasOwnProperty.call(labels, key) && labels[key] === value
  );
}

function expressionMatches(
  expression: unknown,
  labels: Record<string, string>,
): boolean {
  if (!isRecord(expression) || typeof expression.key !== 'string') {
    return false;
  }
  const key = expression.key;
  const present = Object.prototype.hasOwnProperty.call(labels, key);
  const values = Array.isArray(expression.values) ? expression.values : [];
  if (!values.every(v => typeof v === 'string')) {
    return false;
  }
  switch (expression.operator) {
    case 'In':
      return values.length > 0 && present && values.includes(labels[key]);
    case 'NotIn':
      return values.length > 0 && (!present || !values.includes(labels[key]));
    case 'Exists':
      return values.length === 0 && present;
    case 'DoesNotExist':
      return values.length === 0 && !present;
    default:
      return false;
  }
}

/**
 * Items indexed by their label pairs so that a selector is matched against
 * the few items carrying one of its required pairs rather than all of them.
 *
 * @internal
 */
export class LabelIndex<T> {
  readonly #items: Array<{ item: T; labels: Record<string, string> }> = [];
  readonly #byPair = new Map<
    string,
    Array<{ item: T; labels: Record<string, string> }>
  >();

  add(item: T, labels: Record<string, string>) {
    const entry = { item, labels };
    this.#items.push(entry);
    for (const [key, value] of Object.entries(labels)) {
      const pair = pairKey(key, value);
      const list = this.#byPair.get(pair);
      if (list) {
        list.push(entry);
      } else {
        this.#byPair.set(pair, [entry]);
      }
    }
  }

  /** Items whose labels a label selector (matchLabels/matchExpressions) matches. */
  select(selector: V1LabelSelector | undefined): T[] {
    if (!isRecord(selector)) {
      return [];
    }
    const pairs = isRecord(selector.matchLabels)
      ? Object.entries(selector.matchLabels)
      : [];
    return this.#candidates(pairs)
      .filter(entry => labelSelectorMatches(selector, entry.labels))
      .map(entry => entry.item);
  }

  /** Items whose labels a Service-style map selector matches. */
  selectMap(selector: Record<string, string>): T[] {
    return this.#candidates(Object.entries(selector))
      .filter(entry => mapSelectorMatches(selector, entry.labels))
      .map(entry => entry.item);
  }

  #candidates(pairs: Array<[string, unknown]>) {
    let best = this.#items;
    for (const [key, value] of pairs) {
      if (typeof value !== 'string') {
        return [];
      }
      const list = this.#byPair.get(pairKey(key, value)) ?? [];
      if (list.length < best.length) {
        best = list;
      }
    }
    return best;
  }
}

function pairKey(key: string, value: string) {
  return `${key}\u0000${value}`;
}
