import { InputError } from '@backstage/errors';

/** Where a page of `GET /reports` ends: keyset pagination on (sort key, entity ref). */
export type Cursor = {
  orderBy: 'level' | 'score' | 'name';
  order: 'asc' | 'desc';
  value: number | string;
  entityRef: string;
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor a client sent back; an InputError for anything we did not make. */
export function decodeCursor(text: string): Cursor {
  let parsed: Partial<Cursor> | null;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('Invalid cursor');
  }
  const valid =
    parsed !== null &&
    typeof parsed === 'object' &&
    (parsed.orderBy === 'level' ||
      parsed.orderBy === 'score' ||
      parsed.orderBy === 'name') &&
    (parsed.order === 'asc' || parsed.order === 'desc') &&
    typeof parsed.entityRef === 'string' &&
    (parsed.orderBy === 'name'
      ? typeof parsed.value === 'string'
      : typeof parsed.value === 'number');
  if (!valid) {
    throw new InputError('Invalid cursor');
  }
  return parsed as Cursor;
}
