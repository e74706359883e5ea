/**
 * Service hours (RULES.md §3): the time between check-in and check-out, clipped to the activity
 * window (travel and waiting excluded), in whole units of 0.5 h rounded down, and counted only
 * when it covers at least the required share of the activity's duration.
 */
import { ATTENDANCE_CORRECTION_DAYS, CHECK_IN_OPENS_MINUTES, CHECK_OUT_GRACE_MINUTES } from './activity';
import type { Attendance, SignupStatus } from './signup';

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;

export interface ServiceHours {
  /** Hours credited, a multiple of 0.5; 0 when the attendance does not count. */
  hours: number;
  /** Whether the covered time reaches the required share. */
  counted: boolean;
  /** Minutes inside the activity window between check-in and check-out. */
  coveredMinutes: number;
}

/** The hours a check-in/check-out pair earns for an activity. */
export function serviceHours(p: { checkInAt: string; checkOutAt: string; startAt: string; endAt: string; minRatio: number }): ServiceHours {
  const start = Date.parse(p.startAt);
  const end = Date.parse(p.endAt);
  const from = Math.max(Date.parse(p.checkInAt), start);
  const to = Math.min(Date.parse(p.checkOutAt), end);
  const covered = Math.max(0, to - from);
  // Compare in whole milliseconds: 0.6 × duration is not always exact in floating point.
  const required = Math.ceil(p.minRatio * (end - start) - 1e-6);
  const counted = covered > 0 && covered >= required;
  return { hours: counted ? Math.floor(covered / HALF_HOUR) * 0.5 : 0, counted, coveredMinutes: Math.floor(covered / MINUTE) };
}

export type AttendanceTimeProblem =
  | 'TIME_IN_FUTURE'
  | 'CHECK_IN_TOO_EARLY'
  | 'ACTIVITY_ENDED'
  | 'CHECK_OUT_BEFORE_CHECK_IN'
  | 'CHECK_OUT_AFTER_END'
  | 'CHECK_OUT_TIME_REQUIRED'
  | 'CORRECTION_WINDOW_CLOSED';

/**
 * Whether a check-in at `at` may be recorded at `now`: not in the future, not earlier than the
 * check-in window opens, not after the end, and only within the correction window after the end.
 */
export function checkInProblem(at: Date, a: { startAt: string; endAt: string }, now: Date): AttendanceTimeProblem | null {
  if (now.getTime() > Date.parse(a.endAt) + ATTENDANCE_CORRECTION_DAYS * 24 * 60 * MINUTE) return 'CORRECTION_WINDOW_CLOSED';
  if (at.getTime() > now.getTime()) return 'TIME_IN_FUTURE';
  if (at.getTime() < Date.parse(a.startAt) - CHECK_IN_OPENS_MINUTES * MINUTE) return 'CHECK_IN_TOO_EARLY';
  if (at.getTime() >= Date.parse(a.endAt)) return 'ACTIVITY_ENDED';
  return null;
}

/**
 * Whether a check-out at `at` may be recorded at `now` for a check-in at `checkInAt`. A time the
 * organiser gives (`explicit`, e.g. for a volunteer who never checked out) must lie in the
 * activity window: after the check-in and no later than the end. Checking out at "now" is only
 * taken until a grace period after the end; later "now" says nothing about when the volunteer
 * left, so the actual time is required and no hours are credited until it is given.
 */
export function checkOutProblem(
  at: Date,
  checkInAt: string,
  a: { endAt: string },
  now: Date,
  explicit: boolean,
): AttendanceTimeProblem | null {
  const end = Date.parse(a.endAt);
  if (now.getTime() > end + ATTENDANCE_CORRECTION_DAYS * 24 * 60 * MINUTE) return 'CORRECTION_WINDOW_CLOSED';
  if (!explicit && now.getTime() > end + CHECK_OUT_GRACE_MINUTES * MINUTE) return 'CHECK_OUT_TIME_REQUIRED';
  if (at.getTime() > now.getTime()) return 'TIME_IN_FUTURE';
  if (at.getTime() <= Date.parse(checkInAt)) return 'CHECK_OUT_BEFORE_CHECK_IN';
  if (explicit && at.getTime() > end) return 'CHECK_OUT_AFTER_END';
  return null;
}

/**
 * Whether a volunteer checked in but never checked out once the activity has ended: the
 * organiser is told and must set the check-out time; until then no hours are credited.
 */
export function missingCheckOut(s: { status: SignupStatus; attendance: Attendance }, endAt: string, now: Date): boolean {
  return s.status === 'confirmed' && s.attendance === 'checked_in' && now.getTime() >= Date.parse(endAt);
}

/** Attendance in words, as every page shows it. */
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '未签到',
  checked_in: '已签到',
  attended: '已签退',
  insufficient: '时长不足',
  no_show: '缺席',
};

/** The attendance as of `now`: a confirmed volunteer not checked in by the end is a no-show. */
export function attendanceAt(s: { status: SignupStatus; attendance: Attendance }, endAt: string, now: Date): Attendance {
  if (s.status === 'confirmed' && s.attendance === 'pending' && now.getTime() >= Date.parse(endAt)) return 'no_show';
  return s.attendance;
}

/** What an organiser may record for one signup at `now`: the roster's buttons (the actions check again). */
export interface AttendanceOptions {
  checkIn: boolean;
  checkOut: boolean;
  /** Give or correct a time (with a reason): from the check-in window's opening until the correction window closes. */
  correct: boolean;
}

/** When check-in opens (ISO, UTC), and whether attendance can be recorded at `now` at all. */
export function attendanceWindow(a: { status: string; startAt: string; endAt: string }, now: Date): { opensAt: string; open: boolean } {
  const opens = Date.parse(a.startAt) - CHECK_IN_OPENS_MINUTES * MINUTE;
  const closes = Date.parse(a.endAt) + ATTENDANCE_CORRECTION_DAYS * 24 * 60 * MINUTE;
  return { opensAt: new Date(opens).toISOString(), open: a.status !== 'cancelled' && now.getTime() >= opens && now.getTime() <= closes };
}

/** The roster's buttons for a signup: the same rules as checkInProblem/checkOutProblem, asked for "now". */
export function attendanceOptions(
  s: { status: SignupStatus; checkInAt?: string | null; checkOutAt?: string | null },
  a: { status: string; startAt: string; endAt: string },
  now: Date,
): AttendanceOptions {
  const correct = s.status === 'confirmed' && attendanceWindow(a, now).open;
  // Checked in this very moment: checking out is for a moment later, not refused.
  const outProblem = s.checkInAt ? checkOutProblem(now, s.checkInAt, a, now, false) : null;
  return {
    checkIn: correct && !s.checkInAt && checkInProblem(now, a, now) === null,
    checkOut: correct && !!s.checkInAt && !s.checkOutAt && (outProblem === null || outProblem === 'CHECK_OUT_BEFORE_CHECK_IN'),
    correct,
  };
}
