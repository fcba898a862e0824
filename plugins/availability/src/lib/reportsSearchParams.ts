import {
  Level,
  ReportsQuery,
  LEVELS,
} from '@availability-backstage/plugin-availability-common';

/** The filters and sort of the org page, as kept in the URL. */
export type ReportsView = Omit<ReportsQuery, 'limit' | 'cursor'>;

function readList(params: URLSearchParams, key: string): string[] | undefined {
  // Accept both repeated parameters and comma-separated values, as the API does.
  const values = params
    .getAll(key)
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(Boolean);
  return values.length ? [...new Set(values)] : undefined;
}

/** Reads the org page's view from URL search params, dropping invalid values. */
export function parseReportsView(params: URLSearchParams): ReportsView {
  const view: ReportsView = {};
  for (const key of [
    'owner',
    'system',
    'kind',
    'lifecycle',
    'failingCheck',
  ] as const) {
    const values = readList(params, key);
    if (values) {
      view[key] = values;
    }
  }
  const level = readList(params, 'level')?.filter((l): l is Level =>
    LEVELS.includes(l as Level),
  );
  if (level?.length) {
    view.level = level;
  }
  const text = params.get('text')?.trim();
  if (text) {
    view.text = text;
  }
  const orderBy = params.get('orderBy');
  if (orderBy === 'score' || orderBy === 'name') {
    view.orderBy = orderBy;
  }
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') {
    view.order = order;
  }
  return view;
}

/** Whether any filter (not the sort) is set. */
export function hasFilters(view: ReportsView): boolean {
  return Boolean(
    view.owner?.length ||
      view.system?.length ||
      view.kind?.length ||
      view.lifecycle?.length ||
      view.level?.length ||
      view.failingCheck?.length ||
      view.text,
  );
}
