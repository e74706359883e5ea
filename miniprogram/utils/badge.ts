// The unread count on the 我的 tab (RULES.md §8), from the server's count.
import * as messages from '../services/messages';
import { TAB_PAGES } from './navigate';

const MINE_TAB = TAB_PAGES.indexOf('/pages/mine/index');

/** The badge text of a count: nothing for 0, "99+" above 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Asks the server for the unread count and shows it on the 我的 tab; returns the count. */
export async function refreshBadge(): Promise<number> {
  const r = await messages.unread();
  const count = r.ok ? r.data.count : 0;
  const text = badgeText(count);
  // Fails harmlessly when called from a page without the tab bar.
  if (text) wx.setTabBarBadge({ index: MINE_TAB, text, fail: () => undefined });
  else wx.removeTabBarBadge({ index: MINE_TAB, fail: () => undefined });
  return count;
}
