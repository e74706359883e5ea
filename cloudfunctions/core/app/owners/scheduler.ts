import type { Deps } from '../context';
import { closeMotion, openMotion, publishResult } from './lifecycle';
import { MOTIONS, type MotionDoc } from './model';
import { finishNotices } from './notices';
import { whole } from '../../ports/store';

/**
 * Opens announced motions whose opening has come, closes voting motions at `closesAt`, finishes
 * publishing any result a crash interrupted, then tells the rest of each audience (notices.ts).
 * Each step is a conditional write, so a repeated or concurrent tick does each once. Returns how
 * many motions moved.
 */
export async function ownersTick(deps: Deps): Promise<number> {
  const now = deps.clock.now().toISOString();
  let moved = 0;
  const due = (status: MotionDoc['status'], field: 'opensAt' | 'closesAt') =>
    deps.store.find<MotionDoc>(MOTIONS, { status, [field]: { $lte: now } }, { orderBy: [[field, 'asc']], limit: whole(100) });
  for (const m of await due('announced', 'opensAt')) if (await openMotion(deps, m)) moved += 1;
  // A motion opened just now whose window has also passed closes in the same tick.
  for (const m of await due('voting', 'closesAt')) if (await closeMotion(deps, m)) moved += 1;
  const unpublished = await deps.store.find<MotionDoc>(MOTIONS, { status: 'closed', outcome: { $exists: false } }, { limit: whole(100) });
  for (const m of unpublished) {
    await publishResult(deps, m);
    moved += 1;
  }
  // Last: the owners beyond the first batch of each message written with its change.
  await finishNotices(deps);
  return moved;
}
