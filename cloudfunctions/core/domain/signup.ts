/**
 * Signup rules (RULES.md §3): who gets a seat, FIFO waitlist positions, when signup closes,
 * free and late cancellation, and what an attendance is. Pure: the app layer applies these
 * inside a database transaction so they hold under any concurrency.
 */
import { overlaps, type ActivityStatus } from './activity';

/** A signup's state. A cancelled signup may be renewed (a new round) while signup is open. */
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const satisfies readonly SignupStatus[];

/** Why a signup was cancelled. */
export type CancelledBy = 'volunteer' | 'activity_cancelled' | 'time_conflict';

/**
 * Attendance of a confirmed signup. `attended` counts toward hours; `insufficient` was present
 * for less than the required share of the activity; `no_show` never checked in by the end.
 */
export type Attendance = 'pending' | 'checked_in' | 'attended' | 'insufficient' | 'no_show';

/** Why signing up is refused at this moment. */
export type SignupClosedReason = 'ACTIVITY_CANCELLED' | 'ACTIVITY_FINISHED' | 'ACTIVITY_STARTED' | 'SIGNUP_DEADLINE_PASSED';

/** Whether an activity takes signups at `now`; null when it does. */
export function signupClosedReason(
  a: { status: ActivityStatus; startAt: string; endAt: string; signupDeadline: string },
  now: Date,
): SignupClosedReason | null {
  const t = now.getTime();
  if (a.status === 'cancelled') return 'ACTIVITY_CANCELLED';
  if (a.status === 'finished' || t >= Date.parse(a.endAt)) return 'ACTIVITY_FINISHED';
  if (t >= Date.parse(a.startAt)) return 'ACTIVITY_STARTED';
  if (t > Date.parse(a.signupDeadline)) return 'SIGNUP_DEADLINE_PASSED';
  return null;
}

/** The seats of an activity: the confirmed count and the FIFO waitlist of user ids. */
export interface Seats {
  capacity: number;
  confirmedCount: number;
  waitlist: readonly string[];
  waitlistEnabled: boolean;
}

export type SeatDecision = { status: 'confirmed' } | { status: 'waitlisted'; position: number } | { status: 'full' };

/**
 * Where a new signup goes: a free seat only when nobody is waiting (a freed seat belongs to the
 * head of the waitlist, never to a newcomer), else the end of the waitlist, else refused.
 */
export function decideSeat(s: Seats): SeatDecision {
  if (s.confirmedCount < s.capacity && s.waitlist.length === 0) return { status: 'confirmed' };
  if (s.waitlistEnabled) return { status: 'waitlisted', position: s.waitlist.length + 1 };
  return { status: 'full' };
}

/** A volunteer's 1-based waitlist position, or null when not waiting. */
export function waitlistPosition(waitlist: readonly string[], userId: string): number | null {
  const i = waitlist.indexOf(userId);
  return i < 0 ? null : i + 1;
}

/** A confirmed activity a volunteer is committed to, kept on the volunteer to refuse overlaps. */
export interface Slot {
  activityId: string;
  startAt: string;
  endAt: string;
}

/** The first of the volunteer's confirmed slots that overlaps `window` (other than the same activity). */
export function conflictingSlot(slots: readonly Slot[], window: Slot): Slot | null {
  return slots.find((s) => s.activityId !== window.activityId && overlaps(s, window)) ?? null;
}

/** Slots still worth keeping at `now`: those not yet ended. */
export function liveSlots(slots: readonly Slot[], now: Date): Slot[] {
  return slots.filter((s) => Date.parse(s.endAt) > now.getTime());
}

/** Why cancelling is refused at this moment. */
export type CancelRefusal = 'ACTIVITY_STARTED' | 'ACTIVITY_CANCELLED' | 'ACTIVITY_FINISHED';

export type CancelDecision = { allowed: true; late: boolean } | { allowed: false; reason: CancelRefusal };

/**
 * Whether a volunteer may cancel at `now`, and whether it counts as late: free until
 * `freeCancelHours` before the start (inclusive), late after that, closed once it starts.
 */
export function decideCancel(
  a: { status: ActivityStatus; startAt: string; endAt: string },
  freeCancelHours: number,
  now: Date,
): CancelDecision {
  const t = now.getTime();
  if (a.status === 'cancelled') return { allowed: false, reason: 'ACTIVITY_CANCELLED' };
  if (a.status === 'finished' || t >= Date.parse(a.endAt)) return { allowed: false, reason: 'ACTIVITY_FINISHED' };
  const start = Date.parse(a.startAt);
  if (t >= start) return { allowed: false, reason: 'ACTIVITY_STARTED' };
  return { allowed: true, late: t > start - freeCancelHours * 3_600_000 };
}

/** The latest moment a cancellation is free (ISO, UTC). */
export function freeCancelUntil(startAt: string, freeCancelHours: number): string {
  return new Date(Date.parse(startAt) - freeCancelHours * 3_600_000).toISOString();
}

/** Why a new signup is refused (authorisation aside: who may sign up is the use case's). */
export type SignupRefusal = SignupClosedReason | 'ALREADY_SIGNED_UP' | 'TIME_CONFLICT' | 'ACTIVITY_FULL';

export type Placement =
  { ok: true; status: 'confirmed' } | { ok: true; status: 'waitlisted'; position: number } | { ok: false; reason: SignupRefusal };

/**
 * Where a new signup goes, all rules in their order: closed activities take none; one live signup
 * per volunteer and activity; no seat beside a confirmed activity at an overlapping time; then
 * a seat, the end of the waitlist, or full (`decideSeat`). `existing` is the volunteer's current
 * signup of the activity (a cancelled one may be renewed); `slots` their confirmed slots.
 */
export function placeSignup(
  a: Seats & Slot & { status: ActivityStatus; signupDeadline: string },
  existing: SignupStatus | null,
  slots: readonly Slot[],
  now: Date,
): Placement {
  const closed = signupClosedReason(a, now);
  if (closed) return { ok: false, reason: closed };
  if (existing && existing !== 'cancelled') return { ok: false, reason: 'ALREADY_SIGNED_UP' };
  if (conflictingSlot(liveSlots(slots, now), a)) return { ok: false, reason: 'TIME_CONFLICT' };
  const seat = decideSeat(a);
  return seat.status === 'full' ? { ok: false, reason: 'ACTIVITY_FULL' } : { ok: true, ...seat };
}

/**
 * A volunteer cancelling their own signup: refused once the activity started (or was cancelled
 * or finished); otherwise late after the free-cancellation cut-off — except that leaving the
 * waitlist is never late, since nobody was counting on a waiting volunteer.
 */
export function cancelSignup(
  a: { status: ActivityStatus; startAt: string; endAt: string },
  signup: 'confirmed' | 'waitlisted',
  freeCancelHours: number,
  now: Date,
): CancelDecision {
  const decision = decideCancel(a, freeCancelHours, now);
  if (!decision.allowed) return decision;
  return { allowed: true, late: signup === 'confirmed' && decision.late };
}

/** Seats a cancellation left free that the waitlist should fill, in order. */
export function freeSeats(s: { capacity: number; confirmedCount: number; waitlist: readonly string[] }): number {
  return s.waitlist.length === 0 ? 0 : Math.max(0, s.capacity - s.confirmedCount);
}

/**
 * What happens to the head of the waitlist when a seat is free: a volunteer really waiting takes
 * it (`promote`); one now confirmed elsewhere at an overlapping time cannot, and loses their place
 * (`drop`, the overlap skip) so the next one is tried; a queue entry whose signup is no longer
 * waiting is stale and simply leaves the queue (`skip`).
 */
export type HeadOutcome = 'promote' | 'drop' | 'skip';

export function decideHead(head: { status: SignupStatus } | null, slots: readonly Slot[], window: Slot, now: Date): HeadOutcome {
  if (!head || head.status !== 'waitlisted') return 'skip';
  return conflictingSlot(liveSlots(slots, now), window) ? 'drop' : 'promote';
}
