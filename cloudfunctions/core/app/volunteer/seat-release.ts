/**
 * Giving seats back: a volunteer cancelling their own signup, with promotion from the waitlist,
 * and the release of the signups of a cancelled activity. Like signing up (seats.ts), each is one
 * transaction over the activity, the signups and the volunteers, and the messages a change causes
 * are written in it (seat-messages.ts). A cancellation is decided on the documents the action
 * loaded with the caller's record and written with guards (seat-writes.ts); only the head of the
 * waitlist, known once the activity is, is read inside the transaction.
 */
import { cancelSignup, decideHead, freeSeats, liveSlots } from '../../domain/signup';
import type { Notifier } from '../../ports/notifier';
import type { DocumentOps, Store } from '../../ports/store';
import { fail, failures, type Failure } from '../result';
import { ACTIVITIES, SIGNUPS, signupIdOf, VOLUNTEERS, type ActivityDoc, type SignupDoc, type VolunteerDoc } from './model';
import { activityCancelledMessage, droppedMessage, promotedMessage, writeIn, type SeatOf } from './seat-messages';
import { closedFailure, mustUpdate, seatChange, slotOf, slotsPatch, slotsUnchanged, Writes } from './seat-writes';
import { readSignupState } from './seats';

/** Someone whose waitlisted signup changed in a cancellation (and got a message about it). */
export type Moved = SeatOf;

export interface CancelResult {
  wasStatus: 'confirmed' | 'waitlisted';
  late: boolean;
  promoted: Moved[];
  /** Waitlisted volunteers skipped because they are now confirmed elsewhere at the same time. */
  dropped: Moved[];
}

/** The documents a cancellation is decided on: those of a signup (the activity, the profile, the signup). */
export type CancelState = Awaited<ReturnType<typeof readSignupState>>;

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
  writes: Writes,
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
      writes.add(
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
    writes.add(
      mustUpdate(
        tx.update(SIGNUPS, sid, { $set: { status: 'confirmed', promotedAt: nowIso, updatedAt: nowIso } }, { status: 'waitlisted' }),
        'signup',
      ),
    );
    if (v) writes.add(mustUpdate(tx.update(VOLUNTEERS, head, slotsPatch([...slots, slotOf(act)], nowIso), slotsUnchanged(v)), 'volunteer'));
    act.confirmedCount += 1;
    promoted.push({ userId: head, signupId: sid, round: s.round });
  }
  act.waitlistCount = act.waitlist.length;
  return { promoted, dropped };
}

interface Cancelling {
  act: ActivityDoc;
  signup: SignupDoc & { status: 'confirmed' | 'waitlisted' };
  vol: VolunteerDoc | null;
  late: boolean;
}

function decide(s: CancelState, now: Date): Cancelling | Failure {
  const { act, existing: signup, vol } = s;
  if (!act) return failures.notFound('活动');
  if (!signup || signup.status === 'cancelled') return fail('NOT_FOUND', '您没有报名该活动', 'NOT_SIGNED_UP');
  const decision = cancelSignup(act, signup.status, act.rules.freeCancelHours, now);
  if (!decision.allowed) return closedFailure(decision.reason);
  return { act, signup: signup as Cancelling['signup'], vol, late: decision.late };
}

async function writeCancel(tx: DocumentOps, notifier: Pick<Notifier, 'sendIn'>, c: Cancelling, now: Date): Promise<CancelResult> {
  const { act, signup, vol, late } = c;
  const nowIso = now.toISOString();
  const wasStatus = signup.status;
  const writes = new Writes();
  writes.add(
    mustUpdate(
      tx.update(
        SIGNUPS,
        signup._id,
        { $set: { status: 'cancelled', cancelledBy: 'volunteer', cancelledAt: nowIso, lateCancel: late, updatedAt: nowIso } },
        { status: wasStatus, round: signup.round, updatedAt: signup.updatedAt },
      ),
      'signup',
    ),
  );
  const next: ActivityDoc = { ...act, waitlist: [...act.waitlist] };
  let moved = { promoted: [] as Moved[], dropped: [] as Moved[] };
  if (wasStatus === 'confirmed') {
    next.confirmedCount -= 1;
    if (vol) {
      const slots = liveSlots(vol.slots, now).filter((s) => s.activityId !== act._id);
      writes.add(mustUpdate(tx.update(VOLUNTEERS, vol._id, slotsPatch(slots, nowIso), slotsUnchanged(vol)), 'volunteer'));
    }
    moved = await promoteWaiting(tx, next, now, writes);
  } else {
    next.waitlist = next.waitlist.filter((u) => u !== signup.userId);
    next.waitlistCount = next.waitlist.length;
  }
  writes.add(
    mustUpdate(
      tx.update(
        ACTIVITIES,
        act._id,
        {
          $set: { confirmedCount: next.confirmedCount, waitlist: next.waitlist, waitlistCount: next.waitlistCount, updatedAt: nowIso },
          $inc: { version: 1 },
        },
        { version: act.version },
      ),
      'activity',
    ),
    writeIn(notifier, tx, [...moved.promoted.map((m) => promotedMessage(act, m)), ...moved.dropped.map((m) => droppedMessage(act, m))]),
  );
  await writes.settle();
  return { wasStatus, late, ...moved };
}

/**
 * Cancels the caller's own signup; a freed seat goes to the first waitlisted volunteer. The
 * messages to those promoted or dropped are written in the same transaction. `loaded` holds the
 * documents read in dispatch's round (the action's `load`).
 */
export function releaseSeat(
  store: Store,
  notifier: Pick<Notifier, 'sendIn'>,
  now: Date,
  activityId: string,
  userId: string,
  loaded: CancelState | null,
): Promise<CancelResult | Failure> {
  return seatChange(
    store,
    loaded,
    (tx) => readSignupState(tx, activityId, userId),
    (s) => decide(s, now),
    (tx, c) => writeCancel(tx, notifier, c, now),
  );
}

/** What a release of a cancelled activity's signups did: how many it released, and the activity as it left it. */
export interface Released {
  released: number;
  act: ActivityDoc | null;
}

/**
 * The cancellation itself, when a release is its first page: the activity's new status and the
 * audit entry are written in the release's transaction, so the cancellation, its audit entry and
 * the first page's releases (with their messages) happen together or not at all.
 */
export interface Cancellation {
  set: Pick<ActivityDoc, 'status' | 'cancelReason' | 'cancelledAt'> & { status: 'cancelled' };
  audit(tx: DocumentOps): Promise<void>;
}

/**
 * Releases a page of the active signups of a cancelled activity in one transaction: each signup
 * is cancelled, its volunteer's slot freed and its volunteer told, and the activity's counters
 * follow; `last` (no further page) also marks the clean-up done. Signups released meanwhile are
 * left alone, so a retry after a crash changes nothing twice. All the page's reads go together,
 * then all its writes: the depth does not grow with the page.
 *
 * With `cancel`, the activity is cancelled in the same transaction, only if it is still open
 * (null otherwise, nothing written). `page` was found before, while signups could still come: the
 * version guard on the activity makes the transaction retry past a signup committed since its read,
 * and the clean-up is marked done only when the counters fall to zero, so a signup that came after
 * the search keeps the clean-up open (completeCancellation's next search releases it).
 */
export function releaseForCancelledActivity(
  store: Store,
  notifier: Pick<Notifier, 'sendIn'>,
  now: Date,
  activityId: string,
  page: ReadonlyArray<Pick<SignupDoc, '_id' | 'userId'>>,
  last: boolean,
): Promise<Released>;
export function releaseForCancelledActivity(
  store: Store,
  notifier: Pick<Notifier, 'sendIn'>,
  now: Date,
  activityId: string,
  page: ReadonlyArray<Pick<SignupDoc, '_id' | 'userId'>>,
  last: boolean,
  cancel: Cancellation,
): Promise<Released | null>;
export async function releaseForCancelledActivity(
  store: Store,
  notifier: Pick<Notifier, 'sendIn'>,
  now: Date,
  activityId: string,
  page: ReadonlyArray<Pick<SignupDoc, '_id' | 'userId'>>,
  last: boolean,
  cancel?: Cancellation,
): Promise<Released | null> {
  const nowIso = now.toISOString();
  return store.transaction(async (tx): Promise<Released | null> => {
    const [read, rows, vols] = await Promise.all([
      tx.get<ActivityDoc>(ACTIVITIES, activityId),
      Promise.all(page.map((p) => tx.get<SignupDoc>(SIGNUPS, p._id))),
      Promise.all(page.map((p) => tx.get<VolunteerDoc>(VOLUNTEERS, p.userId))),
    ]);
    if (cancel && read?.status !== 'open') return null;
    // The activity as its volunteers are told about it: cancelled, with the reason.
    const act = read && cancel ? { ...read, ...cancel.set } : read;
    const writes = new Writes();
    let confirmedCount = act?.confirmedCount ?? 0;
    let waitlist = act?.waitlist ?? [];
    let released = 0;
    rows.forEach((s, i) => {
      if (!s || s.status === 'cancelled') return;
      released += 1;
      writes.add(
        mustUpdate(
          tx.update(
            SIGNUPS,
            s._id,
            { $set: { status: 'cancelled', cancelledBy: 'activity_cancelled', cancelledAt: nowIso, updatedAt: nowIso } },
            { status: s.status },
          ),
          'signup',
        ),
      );
      if (act) writes.add(notifier.sendIn(tx, activityCancelledMessage(act, { userId: s.userId, signupId: s._id, round: s.round })));
      const v = vols[i];
      if (v && s.status === 'confirmed') {
        const slots = v.slots.filter((x) => x.activityId !== s.activityId);
        writes.add(mustUpdate(tx.update(VOLUNTEERS, v._id, slotsPatch(slots, nowIso), slotsUnchanged(v)), 'volunteer'));
      }
      // Keeps the counters equal to the signup records, also for a cancelled activity.
      waitlist = waitlist.filter((u) => u !== s.userId);
      if (s.status === 'confirmed') confirmedCount -= 1;
    });
    if (!act || (released === 0 && !last && !cancel)) {
      await writes.settle();
      return { released, act };
    }
    const done = last && act.status === 'cancelled' && (!cancel || (confirmedCount === 0 && waitlist.length === 0));
    const set = {
      ...cancel?.set,
      confirmedCount,
      waitlist,
      waitlistCount: waitlist.length,
      updatedAt: nowIso,
      ...(cancel ? { cancelCleanupDone: done } : done ? { cancelCleanupDone: true } : {}),
    };
    if (cancel) writes.add(cancel.audit(tx));
    writes.add(mustUpdate(tx.update(ACTIVITIES, act._id, { $set: set, $inc: { version: 1 } }, { version: act.version }), 'activity'));
    await writes.settle();
    return { released, act: { ...act, ...set, version: act.version + 1 } };
  });
}
