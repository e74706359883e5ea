import type { Filter, SortDirection } from '../ports/store';
import type { Page } from './fields';

// The fields live in fields.ts (pure, so the mini-program can type-import the schemas); the
// cursors and pages below use Node's Buffer.
export { clientToken, id, isoTime, line, paging, phone, strict, text } from './fields';
export type { Page };

/** Decodes a list cursor (an opaque offset); invalid cursors start from the beginning. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64url');
}

/** Builds a page from `limit + 1` fetched rows starting at `offset`. */
export function pageOf<T>(rows: T[], offset: number, limit: number): Page<T> {
  const more = rows.length > limit;
  return { items: more ? rows.slice(0, limit) : rows, nextCursor: more ? encodeCursor(offset + limit) : null };
}

/**
 * A keyset cursor: the sort value and `_id` of the last item shown. Unlike an offset it stays
 * right when items before it leave the list (e.g. approved applicants leave the pending queue).
 */
interface Keyset {
  v: string | number;
  id: string;
}

/** Decodes a keyset cursor; an invalid one starts from the beginning. */
export function decodeKeyset(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Keyset>;
    if ((typeof k.v === 'string' || typeof k.v === 'number') && typeof k.id === 'string') return { v: k.v, id: k.id };
  } catch {
    // fall through: a cursor we did not make
  }
  return null;
}

/** The filter for "after the cursor" in a list ordered by (field, _id) in `direction`. */
export function keysetAfter(field: string, after: Keyset, direction: SortDirection): Filter {
  const op = direction === 'asc' ? '$gt' : '$lt';
  return { $or: [{ [field]: { [op]: after.v } }, { [field]: after.v, _id: { [op]: after.id } }] };
}

/** Builds a page from `limit + 1` rows ordered by (field, _id), with the keyset cursor of the last. */
export function keysetPage<D extends { _id: string }, T>(rows: D[], limit: number, field: keyof D & string, view: (d: D) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  const nextCursor = more && last ? Buffer.from(JSON.stringify({ v: last[field], id: last._id }), 'utf8').toString('base64url') : null;
  return { items: shown.map(view), nextCursor };
}
