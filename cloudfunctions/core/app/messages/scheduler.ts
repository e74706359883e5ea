import type { Deps } from '../context';
import { OUTBOX, type OutboxEntry } from './message';
import { whole } from '../../ports/store';

/** Deletes expired messages (RULES.md §8: kept 90 days, configurable); returns how many. */
export async function messagesTick(deps: Pick<Deps, 'store' | 'clock'>): Promise<number> {
  const now = deps.clock.now().toISOString();
  let removed = 0;
  for (let round = 0; round < 10; round++) {
    const expired = await deps.store.find<OutboxEntry>(OUTBOX, { expiresAt: { $lte: now } }, { limit: whole(500) });
    for (const m of expired) removed += await deps.store.remove(OUTBOX, m._id, { expiresAt: { $lte: now } });
    if (expired.length < 500) break;
  }
  return removed;
}
