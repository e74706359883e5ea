/**
 * What each person accepted in `wx.requestSubscribeMessage`. WeChat's one-time subscription lets
 * us send one message per acceptance, so we count acceptances per template and use one per send.
 */
import { DuplicateKeyError, type Store } from '../../ports/store';
import type { TemplateKey } from './templates';

export const SUBSCRIPTIONS = 'subscriptions';

/** One person's acceptances; `_id` is their user id. */
export interface SubscriptionDoc {
  _id: string;
  /** Acceptances not used yet, per template slot (see slotOf). */
  counts: Record<string, number>;
  updatedAt: string;
}

/** The field name of a template key (dots would be read as a path). */
export const slotOf = (key: string): string => key.replace(/\./g, '_');

/** Records one acceptance of each key. */
export async function recordAccepted(store: Store, userId: string, keys: readonly TemplateKey[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  const inc = Object.fromEntries([...new Set(keys)].map((k) => [`counts.${slotOf(k)}`, 1]));
  const at = now.toISOString();
  if (await store.update(SUBSCRIPTIONS, userId, { $inc: inc, $set: { updatedAt: at } })) return;
  // The first acceptance: the document is created holding it.
  const counts = Object.fromEntries([...new Set(keys)].map((k) => [slotOf(k), 1]));
  try {
    await store.insert<SubscriptionDoc>(SUBSCRIPTIONS, { _id: userId, counts, updatedAt: at });
    return;
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    // Created meanwhile by a concurrent call: the increment lands on it.
  }
  await store.update(SUBSCRIPTIONS, userId, { $inc: inc, $set: { updatedAt: at } });
}

/** Acceptances of `key` the person has left. */
export async function acceptancesLeft(store: Store, userId: string, key: string): Promise<number> {
  const doc = await store.get<SubscriptionDoc>(SUBSCRIPTIONS, userId);
  return doc?.counts?.[slotOf(key)] ?? 0;
}

/** Uses one acceptance after a delivered send; false when none was left. */
export async function useAcceptance(store: Store, userId: string, key: string): Promise<boolean> {
  const field = `counts.${slotOf(key)}`;
  return (await store.update(SUBSCRIPTIONS, userId, { $inc: { [field]: -1 } }, { [field]: { $gt: 0 } })) === 1;
}

/** WeChat says the person has no acceptance left (43101): forget what we counted. */
export async function clearAcceptances(store: Store, userId: string, key: string): Promise<void> {
  await store.update(SUBSCRIPTIONS, userId, { $set: { [`counts.${slotOf(key)}`]: 0 } });
}
