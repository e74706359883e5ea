/**
 * Signing up: a seat while seats remain and nobody waits, else the end of the waitlist (the rules
 * are domain/signup.ts's). The activity's counters and waitlist, the signup and the volunteer's
 * slots change in one transaction, so they always equal each other whatever runs concurrently or
 * wherever the process dies. The change is decided on the documents the action loaded with the
 * caller's record, and its transaction only writes, each write guarded by what it was decided on
 * (seat-writes.ts); the answer a retry with the same clientToken gets is written in it too. A
 * busy moment that changed a document meanwhile decides again on documents read in the
 * transaction. Cancelling and releasing are seat-release.ts's.
 */
import { liveSlots, placeSignup, type SignupRefusal } from '../../domain/signup';
import type { DocumentOps, Store } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { fail, failures, type Failure } from '../result';
import { ACTIVITIES, SIGNUPS, signupIdOf, VOLUNTEERS, type ActivityDoc, type SignupDoc, type VolunteerDoc } from './model';
import { closedFailure, mustInsert, mustUpdate, seatChange, slotOf, slotsPatch, slotsUnchanged, Writes } from './seat-writes';
import type { SignupResult } from './views';

/** The documents a signup is decided on. */
export interface SignupState {
  act: ActivityDoc | null;
  vol: VolunteerDoc | null;
  existing: SignupDoc | null;
}

/** Reads them: the action's `load` (in dispatch's round), or inside the transaction. */
export async function readSignupState(ops: Pick<DocumentOps, 'get'>, activityId: string, userId: string): Promise<SignupState> {
  const [act, vol, existing] = await Promise.all([
    ops.get<ActivityDoc>(ACTIVITIES, activityId),
    ops.get<VolunteerDoc>(VOLUNTEERS, userId),
    ops.get<SignupDoc>(SIGNUPS, signupIdOf(activityId, userId)),
  ]);
  return { act, vol, existing };
}

/** Stores the answer inside the transaction of the change (present under a clientToken). */
export type StoreAnswer = (tx: DocumentOps, answer: SignupResult) => Promise<void>;

/** The failure for a signup the rules refuse. */
function refusal(reason: SignupRefusal): Failure {
  if (reason === 'ALREADY_SIGNED_UP') return fail('CONFLICT', '您已报名该活动', reason);
  if (reason === 'TIME_CONFLICT') return fail('CONFLICT', '您已确认参加同一时段的其他活动', reason);
  if (reason === 'ACTIVITY_FULL') return fail('INVALID_STATE', '名额已满', reason);
  return closedFailure(reason);
}

interface Placed {
  act: ActivityDoc;
  vol: VolunteerDoc;
  existing: SignupDoc | null;
  answer: SignupResult;
}

function decide(s: SignupState, user: UserDoc, now: Date): Placed | Failure {
  const { act, vol, existing } = s;
  if (!act) return failures.notFound('活动');
  if (!vol) return fail('FORBIDDEN', '请先登记为志愿者', 'NOT_VOLUNTEER');
  if (!act.openToAll && user.communityId !== act.communityId) return fail('FORBIDDEN', '该活动仅限本社区志愿者报名', 'COMMUNITY_ONLY');
  const seat = placeSignup({ ...act, activityId: act._id }, existing?.status ?? null, vol.slots, now);
  if (!seat.ok) return refusal(seat.reason);
  const answer: SignupResult = seat.status === 'confirmed' ? { status: 'confirmed' } : { status: 'waitlisted', position: seat.position };
  return { act, vol, existing, answer };
}

/** The writes of a placed signup, issued together (one round), each guarded by what it was decided on. */
async function writeSignup(tx: DocumentOps, p: Placed, user: UserDoc, now: Date, storeAnswer?: StoreAnswer): Promise<SignupResult> {
  const { act, vol, existing, answer } = p;
  const nowIso = now.toISOString();
  const sid = signupIdOf(act._id, user._id);
  const confirmed = answer.status === 'confirmed';
  const writes = new Writes();
  writes.add(
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
    status: answer.status,
    seq: act.signupSeq + 1,
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
    writes.add(
      mustUpdate(
        tx.update(
          SIGNUPS,
          sid,
          {
            $set: { ...fresh, round: existing.round + 1 },
            $unset: ['cancelledBy', 'cancelledAt', 'promotedAt', 'checkInAt', 'checkOutAt'],
          },
          { status: 'cancelled', round: existing.round, updatedAt: existing.updatedAt },
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
    writes.add(mustInsert(tx.insert(SIGNUPS, doc), 'signup'));
  }
  if (confirmed) {
    const slots = [...liveSlots(vol.slots, now), slotOf(act)];
    writes.add(mustUpdate(tx.update(VOLUNTEERS, vol._id, slotsPatch(slots, nowIso), slotsUnchanged(vol)), 'volunteer'));
  }
  if (storeAnswer) writes.add(storeAnswer(tx, answer));
  await writes.settle();
  return answer;
}

/**
 * Signs `user` up for an activity. `loaded` holds the documents read in dispatch's round (the
 * action's `load`); `storeAnswer` writes the answer in the same transaction.
 */
export function takeSeat(
  store: Store,
  now: Date,
  activityId: string,
  user: UserDoc,
  loaded: SignupState | null,
  storeAnswer?: StoreAnswer,
): Promise<SignupResult | Failure> {
  return seatChange(
    store,
    loaded,
    (tx) => readSignupState(tx, activityId, user._id),
    (s) => decide(s, user, now),
    (tx, placed) => writeSignup(tx, placed, user, now, storeAnswer),
  );
}
