import { InputError } from '@backstage/errors';

/** Where a page of `GET /reports` ends: keyset pagination on (column, entity ref). */
export type Cursor = {
  orderBy: 'score' | 'name';
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
    (parsed.orderBy === 'score' || parsed.orderBy === 'name') &&
    (parsed.order === 'asc' || parsed.order === 'desc') &&
    typeof parsed.entityRef === 'string' &&
    (parsed.orderBy === 'score'
      ? typeof parsed.value === 'number'
      : typeof parsed.value === 'string');
  if (!valid) {
    throw new InputError('Invalid cursor');
  }
  return parsed as Cursor;
}
