import type { V1LabelSelector } from '@kubernetes/client-node';
import { hasOwn, isRecord } from './read';

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
    for (const key in matchLabels) {
      if (!hasOwn(matchLabels, key)) {
        continue;
      }
      const value = matchLabels[key];
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
  let empty = true;
  for (const key in selector) {
    if (!hasOwn(selector, key)) {
      continue;
    }
    empty = false;
    if (!hasLabel(labels, key, selector[key])) {
      return false;
    }
  }
  return !empty;
}

function hasLabel(labels: Record<string, string>, key: string, value: string) {
  return labels[key] === value && hasOwn(labels, key);
}

function expressionMatches(
  expression: unknown,
  labels: Record<string, string>,
): boolean {
  if (!isRecord(expression) || typeof expression.key !== 'string') {
    return false;
  }
  const key = expression.key;
  const present = hasOwn(labels, key);
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

interface Labelled<T> {
  item: T;
  labels: Record<string, string>;
}

/**
 * Items indexed by their label pairs so that a selector is matched against
 * the few items carrying one of its required pairs rather than all of them.
 *
 * @internal
 */
export class LabelIndex<T> {
  readonly #items: Labelled<T>[] = [];
  /** Label key, then value, to the items carrying that pair. */
  readonly #byPair = new Map<string, Map<string, Labelled<T>[]>>();

  add(item: T, labels: Record<string, string>) {
    const entry = { item, labels };
    this.#items.push(entry);
    for (const key in labels) {
      if (!hasOwn(labels, key)) {
        continue;
      }
      let values = this.#byPair.get(key);
      if (!values) {
        values = new Map();
        this.#byPair.set(key, values);
      }
      const list = values.get(labels[key]);
      if (list) {
        list.push(entry);
      } else {
        values.set(labels[key], [entry]);
      }
    }
  }

  /** Items whose labels a label selector (matchLabels/matchExpressions) matches. */
  select(selector: V1LabelSelector | undefined): T[] {
    if (!isRecord(selector)) {
      return [];
    }
    const result: T[] = [];
    for (const entry of this.#candidates(selector.matchLabels)) {
      if (labelSelectorMatches(selector, entry.labels)) {
        result.push(entry.item);
      }
    }
    return result;
  }

  /** Items whose labels a Service-style map selector matches. */
  selectMap(selector: Record<string, string>): T[] {
    const result: T[] = [];
    for (const entry of this.#candidates(selector)) {
      if (mapSelectorMatches(selector, entry.labels)) {
        result.push(entry.item);
      }
    }
    return result;
  }

  /** The items carrying the rarest of the required pairs. */
  #candidates(pairs: unknown): Labelled<T>[] {
    if (!isRecord(pairs)) {
      return this.#items;
    }
    let best = this.#items;
    for (const key in pairs) {
      if (!hasOwn(pairs, key)) {
        continue;
      }
      const value = pairs[key];
      if (typeof value !== 'string') {
        return [];
      }
      const list = this.#byPair.get(key)?.get(value);
      if (!list) {
        return [];
      }
      if (list.length < best.length) {
        best = list;
      }
    }
    return best;
  }
}
