// The paging state of a list: rows so far, the next cursor, whether the end was reached. A first
// page replaces, a next page appends (skipping a row already shown, should the list shift between
// pages), and the end is known when the server gives no next cursor.
import type { Page } from '../../typings/api';

export interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  /** True once the last page has been loaded. */
  ended: boolean;
}

export function emptyList<T>(): ListState<T> {
  return { items: [], nextCursor: null, ended: false };
}

/** The list after a page arrived: replacing (first page) or appending (next page), de-duplicated by key. */
export function applyPage<T, R>(
  list: ListState<R>,
  page: Page<T>,
  append: boolean,
  toRow: (item: T) => R,
  key: (row: R) => string,
): ListState<R> {
  const rows = page.items.map(toRow);
  const seen = new Set(append ? list.items.map(key) : []);
  const items = append ? [...list.items, ...rows.filter((r) => !seen.has(key(r)))] : rows;
  return { items, nextCursor: page.nextCursor, ended: page.nextCursor === null };
}
