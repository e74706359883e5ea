/**
 * The seat transactions: signing up, cancelling with promotion from the waitlist, and releasing
 * the signups of a cancelled activity. Each runs as one transaction of single-document
 * operations over the activity, the signup and the volunteer, so the activity's counters and
 * waitlist always equal the signup records, whatever runs concurrently. The callbacks only read
 * and write through `tx` (a transaction may be retried); the messages a change causes are written
 * in the same transaction (seat-messages.ts). Independent writes are issued together: in
 * production each is a request, and what a tap waits for is the requests in sequence.
 */
import {
  cancelSignup,
  decideHead,
  freeSeats,
  liveSlots,
  placeSignup,
  type CancelRefusal,
  type SignupClosedReason,
  type SignupRefusal,
  type Slot,
} from '../../domain/signup';
import type { Notifier } from '../../ports/notifier';
import type { DocumentOps, Store } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { fail, failures, type Failure } from '../result';
import { ACTIVITIES, SIGNUPS, signupIdOf, VOLUNTEERS, type ActivityDoc, type SignupDoc, type VolunteerDoc } from './model';
import { activityCancelledMessage, droppedMessage, promotedMessage, writeIn, type SeatOf } from './seat-messages';
import type { SignupResult } from './views';

/** A write the transaction expected to succeed did not: the transaction is abandoned (and may be retried). */
class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`concurrent change of ${what}`);
    this.name = 'ConcurrentChange';
  }
}

async function mustUpdate(p: Promise<0 | 1>, what: string): Promise<void> {
  if ((await p) !== 1) throw new ConcurrentChange(what);
}

const CLOSED_MESSAGES: Record<SignupClosedReason, string> = {
  ACTIVITY_CANCELLED: '活动已取消',
  ACTIVITY_FINISHED: '活动已结束',
  ACTIVITY_STARTED: '活动已开始，报名已关闭',
  SIGNUP_DEADLINE_PASSED: '报名已截止',
};

/** The failure for an activity that is closed for a change, by reason. */
function closedFailure(reason: SignupClosedReason | CancelRefusal): Failure {
  return fail('INVALID_STATE', CLOSED_MESSAGES[reason], reason);
}

/** The failure for a signup the rules refuse. */
function refusal(reason: SignupRefusal): Failure {
  if (reason === 'ALREADY_SIGNED_UP') return fail('CONFLICT', '您已报名该活动', reason);
  if (reason === 'TIME_CONFLICT') return fail('CONFLICT', '您已确认参加同一时段的其他活动', reason);
  if (reason === 'ACTIVITY_FULL') return fail('INVALID_STATE', '名额已满', reason);
  return closedFailure(reason);
}

const slotOf = (a: ActivityDoc): Slot => ({ activityId: a._id, startAt: a.startAt, endAt: a.endAt });

/** Signs `user` up for an activity: a seat while seats remain and nobody waits, else the waitlist. */
export async function takeSeat(store: Store, now: Date, activityId: string, user: UserDoc): Promise<SignupResult | Failure> {
  const nowIso = now.toISOString();
  const sid = signupIdOf(activityId, user._id);
  return store.transaction(async (tx): Promise<SignupResult | Failure> => {
    const [act, vol, existing] = await Promise.all([
      tx.get<ActivityDoc>(ACTIVITIES, activityId),
      tx.get<VolunteerDoc>(VOLUNTEERS, user._id),
      tx.get<SignupDoc>(SIGNUPS, sid),
    ]);
    if (!act) return failures.notFound('活动');
    if (!vol) return fail('FORBIDDEN', '请先登记为志愿者', 'NOT_VOLUNTEER');
    if (!act.openToAll && user.communityId !== act.communityId) return fail('FORBIDDEN', '该活动仅限本社区志愿者报名', 'COMMUNITY_ONLY');
    const seat = placeSignup({ ...act, activityId: act._id }, existing?.status ?? null, vol.slots, now);
    if (!seat.ok) return refusal(seat.reason);
    const slots = liveSlots(vol.slots, now);

    const seq = act.signupSeq + 1;
    const confirmed = seat.status === 'confirmed';
    // The writes are independent single-document operations: issued together, one round.
    const writes: Array<Promise<void>> = [];
    writes.push(
      mustUpdate(
        tx.update(
          ACTIVITIES,
          act._id,
          confirmed
            ? { $inc: { confirmedCount: 1, signupSeq: 1, version: 1 }, $set: { updatedAt: nowIso } }
            : { $inc: { waitlistCount: 1, signupSeq: 1, version: 1 }, $push: { waitlist: user._id }, $set: { updatedAt: nowIso } },
          { version: act.version },
        ),
        'activity',
      ),
    );
    const fresh = {
      status: seat.status,
      seq,
      realName: vol.realName,
      phone: vol.phone,
      volunteerNo: vol.volunteerNo,
      attendance: 'pending' as const,
      hours: 0,
      lateCancel: false,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    if (existing) {
      // A renewed signup after a cancellation: a new round, at the back of any queue.
      writes.push(
        mustUpdate(
          tx.update(
            SIGNUPS,
            sid,
            {
              $set: { ...fresh, round: existing.round + 1 },
              $unset: ['cancelledBy', 'cancelledAt', 'promotedAt', 'checkInAt', 'checkOutAt'],
            },
            { status: 'cancelled', updatedAt: existing.updatedAt },
          ),
          'signup',
        ),
      );
    } else {
      const doc: SignupDoc = {
        _id: sid,
        activityId: act._id,
        userId: user._id,
        communityId: act.communityId,
        round: 1,
        title: act.title,
        category: act.category,
        description: act.description,
        location: act.location,
        startAt: act.startAt,
        endAt: act.endAt,
        organiser: act.organiser,
        ...fresh,
      };
      writes.push(tx.insert(SIGNUPS, doc));
    }
    if (confirmed) {
      writes.push(
        mustUpdate(
          tx.update(VOLUNTEERS, vol._id, { $set: { slots: [...slots, slotOf(act)], updatedAt: nowIso } }, { updatedAt: vol.updatedAt }),
          'volunteer',
        ),
      );
    }
    await Promise.all(writes);
    if (confirmed) return { status: 'confirmed' };
    return { status: 'waitlisted', position: seat.position };
  });
}

/** Someone whose waitlisted signup changed in a cancellation (and got a message about it). */
export type Moved = SeatOf;

export interface CancelResult {
  wasStatus: 'confirmed' | 'waitlisted';
  late: boolean;
  promoted: Moved[];
  /** Waitlisted volunteers skipped because they are now confirmed elsewhere at the same time. */
  dropped: Moved[];
}

/**
 * Gives freed seats to the head of the waitlist, in order, inside `tx`. A head now confirmed for
 * an overlapping activity loses its place (it could not take the seat) and the next one is tried.
 * Mutates `act` to the new state; the caller writes it. Its writes are pushed on `writes`, not
 * awaited: only the next head's reads wait for the previous head's.
 */
async function promoteWaiting(
  tx: DocumentOps,
  act: ActivityDoc,
  now: Date,
  writes: Array<Promise<unknown>>,
): Promise<{ promoted: Moved[]; dropped: Moved[] }> {
  const nowIso = now.toISOString();
  const promoted: Moved[] = [];
  const dropped: Moved[] = [];
  while (freeSeats(act) > 0) {
    const [head, ...rest] = act.waitlist;
    act.waitlist = rest;
    const sid = signupIdOf(act._id, head);
    const [s, v] = await Promise.all([tx.get<SignupDoc>(SIGNUPS, sid), tx.get<VolunteerDoc>(VOLUNTEERS, head)]);
    const slots = v ? liveSlots(v.slots, now) : [];
    const outcome = decideHead(s, slots, slotOf(act), now);
    if (outcome === 'skip' || !s) continue;
    if (outcome === 'drop') {
      writes.push(
        mustUpdate(
          tx.update(
            SIGNUPS,
            sid,
            { $set: { status: 'cancelled', cancelledBy: 'time_conflict', cancelledAt: nowIso, updatedAt: nowIso } },
            { status: 'waitlisted' },
          ),
          'signup',
        ),
      );
      dropped.push({ userId: head, signupId: sid, round: s.round });
      continue;
    }
    writes.push(
      mustUpdate(
        tx.update(SIGNUPS, sid, { $set: { status: 'confirmed', promotedAt: nowIso, updatedAt: nowIso } }, { status: 'waitlisted' }),
        'signup',
      ),
    );
    if (v) {
      writes.push(
        mustUpdate(
          tx.update(VOLUNTEERS, head, { $set: { slots: [...slots, slotOf(act)], updatedAt: nowIso } }, { updatedAt: v.updatedAt }),
          'volunteer',
        ),
      );
    }
    act.confirmedCount += 1;
    promoted.push({ userId: head, signupId: sid, round: s.round });
  }
  act.waitlistCount = act.waitlist.length;
  return { promoted, dropped };
}

/**
 * Cancels the caller's own signup; a freed seat goes to the first waitlisted volunteer. The
 * messages to those promoted or dropped are written in the same transaction.
 */
export async function releaseSeat(
  store: Store,
  notifier: Pick<Notifier, 'sendIn'>,
  now: Date,
  activityId: string,
  userId: string,
): Promise<CancelResult | Failure> {
  const nowIso = now.toISOString();
  const sid = signupIdOf(activityId, userId);
  return store.transaction(async (tx): Promise<CancelResult | Failure> => {
    const [act, signup, vol] = await Promise.all([
      tx.get<ActivityDoc>(ACTIVITIES, activityId),
      tx.get<SignupDoc>(SIGNUPS, sid),
      tx.get<VolunteerDoc>(VOLUNTEERS, userId),
    ]);
    if (!act) return failures.notFound('活动');
    if (!signup || signup.status === 'cancelled') return fail('NOT_FOUND', '您没有报名该活动', 'NOT_SIGNED_UP');
    const wasStatus = signup.status;
    const decision = cancelSignup(act, wasStatus, act.rules.freeCancelHours, now);
    if (!decision.allowed) return closedFailure(decision.reason);
    const late = decision.late;
    const writes: Array<Promise<unknown>> = [
      mustUpdate(
        tx.update(
          SIGNUPS,
          sid,
          { $set: { status: 'cancelled', cancelledBy: 'volunteer', cancelledAt: nowIso, lateCancel: late, updatedAt: nowIso } },
          { status: wasStatus, updatedAt: signup.updatedAt },
        ),
        'signup',
      ),
    ];
    const version = act.version;
    const next: ActivityDoc = { ...act, waitlist: [...act.waitlist] };
    let moved = { promoted: [] as Moved[], dropped: [] as Moved[] };
    if (wasStatus === 'confirmed') {
      next.confirmedCount -= 1;
      if (vol) {
        const slots = liveSlots(vol.slots, now).filter((s) => s.activityId !== act._id);
        writes.push(
          mustUpdate(tx.update(VOLUNTEERS, userId, { $set: { slots, updatedAt: nowIso } }, { updatedAt: vol.updatedAt }), 'volunteer'),
        );
      }
      moved = await promoteWaiting(tx, next, now, writes);
    } else {
      next.waitlist = next.waitlist.filter((u) => u !== userId);
      next.waitlistCount = next.waitlist.length;
    }
    writes.push(
      mustUpdate(
        tx.update(
          ACTIVITIES,
          act._id,
          {
            $set: { confirmedCount: next.confirmedCount, waitlist: next.waitlist, waitlistCount: next.waitlistCount, updatedAt: nowIso },
            $inc: { version: 1 },
          },
          { version },
        ),
        'activity',
      ),
      writeIn(notifier, tx, [...moved.promoted.map((m) => promotedMessage(act, m)), ...moved.dropped.map((m) => droppedMessage(act, m))]),
    );
    await Promise.all(writes);
    return { wasStatus, late, ...moved };
  });
}

/**
 * Releases one active signup of a cancelled activity: the signup is cancelled, the volunteer's
 * slot freed and the volunteer told, in one transaction. Returns whether it changed anything
 * (false when already released).
 */
export async function releaseForCancelledActivity(
  store: Store,
  notifier: Pick<Notifier, 'sendIn'>,
  now: Date,
  signupId: string,
): Promise<boolean> {
  const nowIso = now.toISOString();
  return store.transaction(async (tx) => {
    const s = await tx.get<SignupDoc>(SIGNUPS, signupId);
    if (!s || s.status === 'cancelled') return false;
    const [v, act] = await Promise.all([tx.get<VolunteerDoc>(VOLUNTEERS, s.userId), tx.get<ActivityDoc>(ACTIVITIES, s.activityId)]);
    const writes: Array<Promise<unknown>> = [
      mustUpdate(
        tx.update(
          SIGNUPS,
          signupId,
          { $set: { status: 'cancelled', cancelledBy: 'activity_cancelled', cancelledAt: nowIso, updatedAt: nowIso } },
          { status: s.status },
        ),
        'signup',
      ),
    ];
    if (act) {
      // Keeps the counters equal to the signup records, also for a cancelled activity.
      const waitlist = act.waitlist.filter((u) => u !== s.userId);
      const confirmedCount = act.confirmedCount - (s.status === 'confirmed' ? 1 : 0);
      writes.push(
        mustUpdate(
          tx.update(
            ACTIVITIES,
            act._id,
            { $set: { confirmedCount, waitlist, waitlistCount: waitlist.length, updatedAt: nowIso }, $inc: { version: 1 } },
            { version: act.version },
          ),
          'activity',
        ),
        notifier.sendIn(tx, activityCancelledMessage(act, { userId: s.userId, signupId, round: s.round })),
      );
    }
    if (v && s.status === 'confirmed') {
      const slots = v.slots.filter((x) => x.activityId !== s.activityId);
      writes.push(
        mustUpdate(tx.update(VOLUNTEERS, v._id, { $set: { slots, updatedAt: nowIso } }, { updatedAt: v.updatedAt }), 'volunteer'),
      );
    }
    await Promise.all(writes);
    return true;
  });
}
