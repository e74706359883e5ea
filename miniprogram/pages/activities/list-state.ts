// The activity list's paging state as plain functions: a first page replaces, a next page appends
// (skipping any card already shown, should the list shift between pages), and the end is known
// when the server gives no next cursor.
import type { Page } from '../../../typings/api';
import type { ActivitySummary } from '../../services/volunteer';
import { toCard, type ActivityCard } from '../volunteer/format';

export interface ListState {
  items: ActivityCard[];
  nextCursor: string | null;
  /** True once the last page has been loaded. */
  ended: boolean;
}

export const EMPTY_LIST: ListState = { items: [], nextCursor: null, ended: false };

/** The list after a page arrives; `append` for a next page, else it replaces the list. */
export function applyPage(state: ListState, page: Page<ActivitySummary>, append: boolean): ListState {
  const cards = page.items.map(toCard);
  const seen = new Set(append ? state.items.map((c) => c.activityId) : []);
  const items = append ? [...state.items, ...cards.filter((c) => !seen.has(c.activityId))] : cards;
  return { items, nextCursor: page.nextCursor, ended: page.nextCursor === null };
}
