// Subscribe messages (RULES.md §8): the mini-program asks at the tap that makes an event likely
// (signing up, submitting a request, …), never on page load, and tells the server what the person
// accepted; the server sends only those.
import type { SubscribeMoment, SubscribeTemplates } from '../../typings/api';
import * as messages from '../services/messages';

let moments: SubscribeTemplates['moments'] | null = null;
let loading: Promise<void> | null = null;

/** Loads the configured template ids (asks the person nothing); app launch calls it. */
export function prepareSubscribe(): Promise<void> {
  if (moments) return Promise.resolve();
  if (!loading) {
    loading = messages.templates().then((r) => {
      if (r.ok) moments = r.data.moments;
      loading = null;
    });
  }
  return loading;
}

/** Forgets the loaded ids (tests; a switched demo account). */
export function resetSubscribe(): void {
  moments = null;
  loading = null;
}

/**
 * Shows WeChat's subscribe prompt for the templates of `moment`. Call it in the tap handler before
 * anything awaits: WeChat shows the prompt only for a tap. Resolves to the kinds accepted — none
 * when nothing is configured, the person refused, or the prompt failed.
 */
export function askSubscribe(moment: SubscribeMoment): Promise<string[]> {
  const templates = moments?.[moment] ?? [];
  if (templates.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: templates.map((t) => t.id),
      success: (res) => resolve(templates.filter((t) => (res as Record<string, string>)[t.id] === 'accept').map((t) => t.key)),
      fail: () => resolve([]),
    });
  });
}

/** After the action succeeded: records what was accepted (nothing is sent for refused kinds). */
export async function recordSubscription(asked: Promise<string[]>): Promise<void> {
  const accepted = await asked;
  if (accepted.length > 0) await messages.subscribe(accepted);
}
