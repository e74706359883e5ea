import { reminderDue } from '../../domain/activity';
import type { Deps } from '../context';
import { ACTIVITIES, SIGNUPS, type ActivityDoc, type SignupDoc } from './model';
import { completeCancellation, notifyMissingCheckOuts, sendReminders } from './notify';
import { whole } from '../../ports/store';

const HOUR = 3_600_000;
const BATCH = 200;

/**
 * Sends the reminder rounds due: 24 h before the start (skipped when published or reached later
 * than 2 h before it) and 2 h before. The round is marked on the activity after sending, and each
 * message has a deterministic key, so a crash between the two never sends anything twice.
 */
async function remind(deps: Deps, now: Date): Promise<number> {
  let changed = 0;
  const nowMs = now.getTime();
  const soon = await deps.store.find<ActivityDoc>(
    ACTIVITIES,
    { status: 'open', startAt: { $gt: now.toISOString(), $lte: new Date(nowMs + 24 * HOUR).toISOString() } },
    { orderBy: [['startAt', 'asc']], limit: whole(1000) },
  );
  for (const a of soon) {
    const round = reminderDue(a, now);
    if (!round) continue;
    changed += await sendReminders(deps, a, round);
    const set: Record<string, string> = { [`reminders.${round}`]: now.toISOString() };
    // The 24 h round is moot once the 2 h one is due.
    if (round === 'h2' && !a.reminders.h24) set['reminders.h24'] = 'skipped';
    await deps.store.update(ACTIVITIES, a._id, { $set: set });
  }
  return changed;
}

/**
 * Finishes activities that have ended: confirmed volunteers never checked in become `no_show`,
 * the organiser is told of volunteers checked in but never checked out, then the activity is
 * marked finished (in this order, so a crash in between is redone; the message is sent once).
 */
async function finish(deps: Deps, now: Date): Promise<number> {
  let changed = 0;
  const nowIso = now.toISOString();
  const ended = await deps.store.find<ActivityDoc>(
    ACTIVITIES,
    { status: 'open', endAt: { $lte: nowIso } },
    { orderBy: [['endAt', 'asc']], limit: whole(BATCH) },
  );
  for (const a of ended) {
    for (;;) {
      const pending = await deps.store.find<SignupDoc>(
        SIGNUPS,
        { activityId: a._id, status: 'confirmed', attendance: 'pending' },
        { orderBy: [['seq', 'asc']], limit: whole(BATCH) },
      );
      for (const s of pending) {
        changed += await deps.store.update(
          SIGNUPS,
          s._id,
          { $set: { attendance: 'no_show', updatedAt: nowIso } },
          { status: 'confirmed', attendance: 'pending' },
        );
      }
      if (pending.length < BATCH) break;
    }
    changed += await notifyMissingCheckOuts(deps, a);
    changed += await deps.store.update(
      ACTIVITIES,
      a._id,
      { $set: { status: 'finished', updatedAt: nowIso }, $inc: { version: 1 } },
      { status: 'open' },
    );
  }
  return changed;
}

/** Completes cancellations interrupted before every volunteer was released and notified. */
async function resumeCancellations(deps: Deps): Promise<number> {
  let changed = 0;
  const pending = await deps.store.find<ActivityDoc>(
    ACTIVITIES,
    { status: 'cancelled', cancelCleanupDone: false },
    { orderBy: [['endAt', 'asc']], limit: whole(BATCH) },
  );
  for (const a of pending) changed += (await completeCancellation(deps, a)).released + 1;
  return changed;
}

/** The volunteer feature's part of the scheduler tick; returns how many objects it changed. */
export async function volunteerTick(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  return (await remind(deps, now)) + (await finish(deps, now)) + (await resumeCancellations(deps));
}
