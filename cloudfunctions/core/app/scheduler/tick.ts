import { holdersTick } from '../account/holders-backfill';
import { countersTick } from '../admin/recount';
import type { Deps } from '../context';
import { messagesTick } from '../messages/scheduler';
import { ownersTick } from '../owners/scheduler';
import { ratingsTick } from '../ratings/scheduler';
import { requestsTick } from '../requests/scheduler';
import { volunteerTick } from '../volunteer/scheduler';

/** The steps of one scheduler tick, in order. Each is safe to run repeatedly (exactly-once effects). */
const STEPS: Array<[string, (deps: Deps) => Promise<number>]> = [
  ['requests', requestsTick],
  ['volunteer', volunteerTick],
  ['ratings', ratingsTick],
  ['messages', messagesTick],
  ['owners', ownersTick],
  // Oversight counters of communities that predate them (or were never recounted).
  ['counters', countersTick],
  // Role holders of grants made before they were kept (a page per tick until done).
  ['holders', (deps) => holdersTick(deps)],
  // Last, so messages queued by the steps above go out in the same tick.
  ['notifications', async (deps) => (deps.notifier.flush ? deps.notifier.flush() : 0)],
];

/** The steps' names, in order: the keys of a tick's counts (docs/DEPLOY.md's smoke call lists them). */
export const SCHEDULER_STEPS: readonly string[] = STEPS.map(([name]) => name);

/** Runs one tick: every 10 minutes in production (timer trigger), on an interval locally. */
export async function tick(deps: Deps): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, step] of STEPS) {
    try {
      counts[name] = await step(deps);
    } catch (err) {
      // One failing step must not stop the others; the next tick retries it.
      deps.logger.error(`scheduler step ${name} failed`, err);
      counts[name] = -1;
    }
  }
  return counts;
}
