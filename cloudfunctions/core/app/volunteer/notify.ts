/**
 * Volunteer notifications (subscribe messages in production, the outbox locally) and the
 * release of a cancelled activity's signups. Every key is deterministic, so a retried step never
 * sends a message twice.
 */
import { chinaTime } from '../../domain/activity';
import type { Deps } from '../context';
import { LINKS } from '../messages/events';
import { ACTIVITIES, SIGNUPS, type ActivityDoc, type SignupDoc } from './model';
import { releaseForCancelledActivity, type Moved } from './seats';

type ActivityFacts = Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'location'>;

const facts = (a: ActivityFacts) => ({ title: a.title, time: chinaTime(a.startAt), location: a.location });

/** Tells volunteers promoted from the waitlist that they now hold a seat, and those dropped why. */
export async function notifyMoved(deps: Pick<Deps, 'notifier'>, a: ActivityFacts, promoted: Moved[], dropped: Moved[]): Promise<void> {
  for (const m of promoted) {
    await deps.notifier.send({
      key: `vol-promoted:${m.signupId}:${m.round}`,
      userId: m.userId,
      link: LINKS.activity(a._id),
      template: 'volunteer_promoted',
      data: { ...facts(a), note: '候补成功，您已获得名额，请准时参加' },
    });
  }
  for (const m of dropped) {
    await deps.notifier.send({
      key: `vol-dropped:${m.signupId}:${m.round}`,
      userId: m.userId,
      link: LINKS.activity(a._id),
      template: 'volunteer_dropped',
      data: { ...facts(a), note: '有名额空出，但您已确认参加同一时段的其他活动，候补已取消' },
    });
  }
}

/** Sends one reminder round (`h24` or `h2`) to every confirmed volunteer; returns how many were new. */
export async function sendReminders(deps: Pick<Deps, 'store' | 'notifier'>, a: ActivityDoc, round: 'h24' | 'h2'): Promise<number> {
  let sent = 0;
  for (let skip = 0; ; skip += 500) {
    const rows = await deps.store.find<SignupDoc>(
      SIGNUPS,
      { activityId: a._id, status: 'confirmed' },
      { orderBy: [['seq', 'asc']], limit: 500, skip },
    );
    for (const s of rows) {
      const fresh = await deps.notifier.send({
        key: `vol-remind-${round}:${s._id}`,
        userId: s.userId,
        link: LINKS.activity(a._id),
        template: 'activity_reminder',
        data: { ...facts(a), note: round === 'h24' ? '活动将于 24 小时内开始' : '活动将于 2 小时内开始，请准时到场签到' },
      });
      if (fresh) sent += 1;
    }
    if (rows.length < 500) return sent;
  }
}

/**
 * Finishes the cancellation of an activity: releases every active signup, notifies each
 * volunteer once, then marks the clean-up done. Safe to run again after a crash at any point.
 */
export async function completeCancellation(deps: Pick<Deps, 'store' | 'clock' | 'notifier'>, a: ActivityDoc): Promise<number> {
  let changed = 0;
  for (;;) {
    const active = await deps.store.find<SignupDoc>(
      SIGNUPS,
      { activityId: a._id, status: { $in: ['confirmed', 'waitlisted'] } },
      { orderBy: [['seq', 'asc']], limit: 200 },
    );
    if (active.length === 0) break;
    for (const s of active) if (await releaseForCancelledActivity(deps.store, deps.clock.now(), s._id)) changed += 1;
  }
  for (let skip = 0; ; skip += 500) {
    const released = await deps.store.find<SignupDoc>(
      SIGNUPS,
      { activityId: a._id, status: 'cancelled', cancelledBy: 'activity_cancelled' },
      { orderBy: [['seq', 'asc']], limit: 500, skip },
    );
    for (const s of released) {
      await deps.notifier.send({
        key: `vol-act-cancelled:${s._id}:${s.round}`,
        userId: s.userId,
        link: LINKS.activity(a._id),
        template: 'activity_cancelled',
        data: { ...facts(a), note: `活动已取消：${a.cancelReason ?? ''}`.slice(0, 40) },
      });
    }
    if (released.length < 500) break;
  }
  await deps.store.update(ACTIVITIES, a._id, { $set: { cancelCleanupDone: true } }, { status: 'cancelled' });
  return changed;
}

/**
 * Tells the organiser who published an ended activity how many volunteers checked in but never
 * checked out (未签退): their hours wait until the organiser sets the check-out time. Once per
 * activity (a deterministic key); returns 1 when the message is new.
 */
export async function notifyMissingCheckOuts(deps: Pick<Deps, 'store' | 'notifier'>, a: ActivityDoc): Promise<number> {
  const open = await deps.store.count(SIGNUPS, { activityId: a._id, status: 'confirmed', attendance: 'checked_in' });
  if (open === 0) return 0;
  const fresh = await deps.notifier.send({
    key: `vol-missing-checkout:${a._id}`,
    userId: a.createdBy,
    template: 'volunteer_missing_checkout',
    data: { ...facts(a), note: `${open} 名志愿者已签到未签退，请补填签退时间后计入时长` },
  });
  return fresh ? 1 : 0;
}
