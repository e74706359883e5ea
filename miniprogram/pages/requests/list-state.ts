// The paging state of a request list: items so far, the next cursor, whether the end was reached.
import type { Page } from '../../../typings/api';

export interface ListState<T> {
  items: T[];
  nextCursor: string | null;
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
