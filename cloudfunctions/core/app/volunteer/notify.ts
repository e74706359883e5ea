/**
 * Volunteer notifications (subscribe messages in production, the outbox locally) and the
 * release of a cancelled activity's signups. Every key is deterministic, so a retried step never
 * sends a message twice.
 */
import { USERS, type UserDoc } from '../account/user';
import type { Deps } from '../context';
import { LINKS } from '../messages/events';
import { ACTIVITIES, SIGNUPS, type ActivityDoc, type SignupDoc } from './model';
import { organisesActivity } from '../scope';
import { activityFacts } from './seat-messages';
import { releaseForCancelledActivity, type Cancellation, type Released } from './seat-release';
import { teamOf } from './team-of';
import { whole } from '../../ports/store';

const facts = activityFacts;

/** Sends one reminder round (`h24` or `h2`) to every confirmed volunteer; returns how many were new. */
export async function sendReminders(deps: Pick<Deps, 'store' | 'notifier'>, a: ActivityDoc, round: 'h24' | 'h2'): Promise<number> {
  let sent = 0;
  for (let skip = 0; ; skip += 500) {
    const rows = await deps.store.find<SignupDoc>(
      SIGNUPS,
      { activityId: a._id, status: 'confirmed' },
      { orderBy: [['seq', 'asc']], limit: whole(500), skip: whole(skip) },
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

/** The most signups one release transaction takes. */
const RELEASE_PAGE = 50;

/** The first page of an activity's active signups (by signup order). */
const activePage = (deps: Pick<Deps, 'store'>, activityId: string) =>
  deps.store.find<SignupDoc>(
    SIGNUPS,
    { activityId, status: { $in: ['confirmed', 'waitlisted'] } },
    { orderBy: [['seq', 'asc']], limit: whole(RELEASE_PAGE) },
  );

/**
 * Cancels an activity that is still open: the cancellation, its audit entry and the release of the
 * first page of its signups (each with its message) are one transaction, so a crash leaves all of
 * them or none. Any further page is released after, as completeCancellation does (and the
 * scheduler, when the process dies in between). Null when the activity was no longer open.
 */
export async function cancelActivityNow(
  deps: Pick<Deps, 'store' | 'clock' | 'notifier'>,
  a: ActivityDoc,
  cancel: Cancellation,
): Promise<Released | null> {
  const active = await activePage(deps, a._id);
  const first = await releaseForCancelledActivity(
    deps.store,
    deps.notifier,
    deps.clock.now(),
    a._id,
    active,
    active.length < RELEASE_PAGE,
    cancel,
  );
  if (!first || first.act?.cancelCleanupDone) return first;
  const rest = await completeCancellation(deps, a);
  return { released: first.released + rest.released, act: rest.act ?? first.act };
}

/**
 * Finishes the cancellation of an activity: releases every active signup, a page per transaction
 * (each release tells its volunteer in it), the last one also marking the clean-up done. Safe to
 * run again after a crash at any point. Returns how many it released and the activity as it left
 * it (null when there was nothing to release and it marked the clean-up done by itself).
 */
export async function completeCancellation(deps: Pick<Deps, 'store' | 'clock' | 'notifier'>, a: ActivityDoc): Promise<Released> {
  const out: Released = { released: 0, act: null };
  for (;;) {
    const active = await activePage(deps, a._id);
    // A short page is the last one.
    const last = active.length < RELEASE_PAGE;
    if (active.length === 0) break;
    const page = await releaseForCancelledActivity(deps.store, deps.notifier, deps.clock.now(), a._id, active, last);
    out.released += page.released;
    out.act = page.act;
    if (last) return out;
  }
  await deps.store.update(ACTIVITIES, a._id, { $set: { cancelCleanupDone: true } }, { status: 'cancelled' });
  out.act = null;
  return out;
}

/**
 * Tells whoever can fix it that volunteers of an ended activity checked in but never checked out
 * (未签退): their hours wait until an organiser sets the check-out time on the roster, which the
 * message opens. That is the person who published it — who knows who came — and, for a team's
 * activity, the team's current leader; each only while they still organise it (app/scope.ts), so
 * nobody is sent to a roster that refuses them. Once per activity and person (deterministic keys);
 * returns how many messages were new.
 */
export async function notifyMissingCheckOuts(deps: Pick<Deps, 'store' | 'notifier'>, a: ActivityDoc): Promise<number> {
  const open = await deps.store.count(SIGNUPS, { activityId: a._id, status: 'confirmed', attendance: 'checked_in' });
  if (open === 0) return 0;
  const team = await teamOf(deps.store, a);
  const ids = [...new Set([a.createdBy, ...(team ? [team.leaderUserId] : [])])];
  const people = await Promise.all(ids.map((id) => deps.store.get<UserDoc>(USERS, id)));
  let sent = 0;
  for (const person of people) {
    if (!person || !organisesActivity(person, a, team)) continue;
    const fresh = await deps.notifier.send({
      key: person._id === a.createdBy ? `vol-missing-checkout:${a._id}` : `vol-missing-checkout:${person._id}:${a._id}`,
      userId: person._id,
      template: 'volunteer_missing_checkout',
      link: LINKS.roster(a._id),
      data: { ...facts(a), note: `${open} 人未签退，请补填签退时间` },
    });
    if (fresh) sent += 1;
  }
  return sent;
}
