// The unread count on the 我的 tab (RULES.md §8), from the server's count. It is refreshed when the
// app comes back to the foreground, when a tab page shows, on 我的 and in the message centre; one
// request at a time: a refresh while one is in flight shares its answer.
import * as messages from '../services/messages';
import { me } from '../services/session';
import { TAB_PAGES } from './navigate';

const MINE_TAB = TAB_PAGES.indexOf('/pages/mine/index');

/** The badge text of a count: nothing for 0, "99+" above 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** The unread request in flight, and the one queued behind it for a count that changed meanwhile. */
let asking: Promise<number> | null = null;
let queued: Promise<number> | null = null;

async function askAndShow(): Promise<number> {
  const r = await messages.unread();
  const count = r.ok ? r.data.count : 0;
  const text = badgeText(count);
  // Fails harmlessly when called from a page without the tab bar.
  if (text) wx.setTabBarBadge({ index: MINE_TAB, text, fail: () => undefined });
  else wx.removeTabBarBadge({ index: MINE_TAB, fail: () => undefined });
  return count;
}

function ask(): Promise<number> {
  const done = () => {
    if (asking === current) asking = null;
  };
  const current: Promise<number> = askAndShow().then(
    (count) => {
      done();
      return count;
    },
    (err: unknown) => {
      done();
      throw err;
    },
  );
  asking = current;
  return current;
}

/**
 * Asks the server for the unread count and shows it on the 我的 tab; returns the count. While a
 * request is in flight it answers for this call too, unless `changed` (messages were just marked
 * read): then one more request follows it, shared by every caller that changed something meanwhile.
 */
export function refreshBadge(options: { changed?: boolean } = {}): Promise<number> {
  if (!asking) return ask();
  if (!options.changed) return asking;
  if (!queued) {
    const settled = () => {
      queued = null;
      return asking ?? ask();
    };
    queued = asking.then(settled, settled);
  }
  return queued;
}

/**
 * On the app's return to the foreground and each tab page's show: the badge of a registered caller
 * (the caller from the app's copy, services/session). Someone not registered has no messages: nothing is asked.
 */
export async function showBadge(): Promise<void> {
  const who = await me();
  if (who.ok && who.data.user) await refreshBadge();
}
