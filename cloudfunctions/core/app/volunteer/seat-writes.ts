/**
 * What the seat transactions (seats.ts, seat-release.ts) share: their guarded writes, and how a
 * change runs first on documents read before its transaction and, when one of them changed
 * meanwhile, again on documents read inside it.
 *
 * In production every request of a transaction is a round trip: its start, each read, each write
 * (an update reads the document first, to check its condition) and its commit. A seat change
 * decided on the documents the action loaded with the caller's record (dispatch's round) needs no
 * read inside its transaction: each write is guarded by the revision of the document it was
 * decided on (the activity's `version`, the signup's status and round, the volunteer's
 * `slotsRev`), and an insert under the signup's unique id fails if someone else made it. If any
 * guard fails, the attempt is rolled back as a whole (nothing of it stays) and the change is
 * decided again inside a transaction that reads first, as busy moments need.
 */
import type { SignupClosedReason, CancelRefusal, Slot } from '../../domain/signup';
import { DuplicateKeyError, type DocumentOps, type Filter, type Patch, type Store } from '../../ports/store';
import { isFailure } from '../auth';
import { fail, type Failure } from '../result';
import type { ActivityDoc, VolunteerDoc } from './model';

/** A write the transaction expected to succeed did not: the attempt is abandoned (and tried again on fresh reads). */
export class ConcurrentChange extends Error {
  constructor(readonly what: string) {
    super(`concurrent change of ${what}`);
    this.name = 'ConcurrentChange';
  }
}

export async function mustUpdate(p: Promise<0 | 1>, what: string): Promise<void> {
  if ((await p) !== 1) throw new ConcurrentChange(what);
}

/** An insert under a unique id: someone else's document under it is a concurrent change. */
export async function mustInsert(p: Promise<void>, what: string): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new ConcurrentChange(what);
    throw err;
  }
}

/**
 * Writes issued together. Each is handled the moment it is issued, so one that fails while others
 * are still being issued (or while the next reads run) is never an unhandled rejection; `settle`
 * waits for every one, then throws the first failure (none is left in flight).
 */
export class Writes {
  private readonly issued: Array<Promise<unknown>> = [];

  add(...writes: Array<Promise<unknown>>): void {
    for (const w of writes) {
      w.catch(() => undefined);
      this.issued.push(w);
    }
  }

  async settle(): Promise<void> {
    const outcomes = await Promise.allSettled(this.issued);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** The condition that the volunteer's slots are still those of `v`. */
export function slotsUnchanged(v: VolunteerDoc): Filter {
  return v.slotsRev === undefined ? { slotsRev: { $exists: false } } : { slotsRev: v.slotsRev };
}

/** Replaces the volunteer's slots (and bumps their revision). */
export function slotsPatch(slots: Slot[], nowIso: string): Patch {
  return { $set: { slots, updatedAt: nowIso }, $inc: { slotsRev: 1 } };
}

export const slotOf = (a: ActivityDoc): Slot => ({ activityId: a._id, startAt: a.startAt, endAt: a.endAt });

const CLOSED_MESSAGES: Record<SignupClosedReason, string> = {
  ACTIVITY_CANCELLED: '活动已取消',
  ACTIVITY_FINISHED: '活动已结束',
  ACTIVITY_STARTED: '活动已开始，报名已关闭',
  SIGNUP_DEADLINE_PASSED: '报名已截止',
};

/** The failure for an activity that is closed for a change, by reason. */
export function closedFailure(reason: SignupClosedReason | CancelRefusal): Failure {
  return fail('INVALID_STATE', CLOSED_MESSAGES[reason], reason);
}

/**
 * Runs a seat change. With `loaded` (the documents read before the transaction), `decide` runs on
 * them first: a refusal is answered at once (it changes nothing), a change is written by `write`
 * in a transaction without reads. If a guard there finds a document changed since it was loaded,
 * or without `loaded`, the documents are read inside a transaction (`read`) and decided again.
 */
export async function seatChange<S, D extends object, R>(
  store: Store,
  loaded: S | null,
  read: (tx: DocumentOps) => Promise<S>,
  decide: (state: S) => D | Failure,
  write: (tx: DocumentOps, decided: D) => Promise<R>,
): Promise<R | Failure> {
  if (loaded) {
    const decided = decide(loaded);
    if (isFailure(decided)) return decided;
    try {
      return await store.transaction((tx) => write(tx, decided));
    } catch (err) {
      if (!(err instanceof ConcurrentChange)) throw err;
    }
  }
  return store.transaction(async (tx): Promise<R | Failure> => {
    const decided = decide(await read(tx));
    return isFailure(decided) ? decided : write(tx, decided);
  });
}
