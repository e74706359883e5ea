/**
 * Volunteer activities (RULES.md §3): categories, states, the bounds an organiser's input must
 * respect, and China-time helpers for dates shown on records. Pure: no I/O, no clock reads.
 */

/** Activity categories (API.md §5). */
export type ActivityCategory = 'epidemic_prevention' | 'environment' | 'civility' | 'patriotic_health' | 'counseling' | 'other';
export const ACTIVITY_CATEGORIES = [
  'epidemic_prevention',
  'environment',
  'civility',
  'patriotic_health',
  'counseling',
  'other',
] as const satisfies readonly ActivityCategory[];

export const CATEGORY_LABELS: Record<ActivityCategory, string> = {
  epidemic_prevention: '疫情防控',
  environment: '环境整治',
  civility: '文明劝导',
  patriotic_health: '爱国卫生',
  counseling: '心理咨询援助',
  other: '其他',
};

/** Stored activity states; "started" and "ended" are derived from the clock, not stored. */
export type ActivityStatus = 'open' | 'cancelled' | 'finished';
/** What a person sees of an activity's phase at a moment. */
export type ActivityPhase = 'signup_open' | 'signup_closed' | 'in_progress' | 'ended' | 'cancelled';

/** Bounds of an activity an organiser may publish. */
export const ACTIVITY_LIMITS = {
  /** Seats: at least one; more than this is a typing error rather than a neighbourhood activity. */
  maxCapacity: 1000,
  /** One activity is at most a day long; a longer campaign is published as several activities. */
  maxDurationHours: 24,
  /** Published at most this far ahead. */
  maxDaysAhead: 366,
} as const;

/** How long before the start organisers may check volunteers in (arrivals before the start earn no hours). */
export const CHECK_IN_OPENS_MINUTES = 60;
/** How long after the end organisers may still record or correct attendance. */
export const ATTENDANCE_CORRECTION_DAYS = 7;
/** Minutes after the end an organiser may still check a volunteer out at "now"; later the actual time is needed. */
export const CHECK_OUT_GRACE_MINUTES = 60;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The timing of an activity as stored (UTC ISO strings). */
export interface ActivityTimes {
  startAt: string;
  endAt: string;
  signupDeadline: string;
}

/** Why an organiser's activity times are refused. */
export type ActivityTimeReason =
  'START_IN_PAST' | 'END_NOT_AFTER_START' | 'TOO_LONG' | 'TOO_FAR_AHEAD' | 'DEADLINE_AFTER_START' | 'DEADLINE_IN_PAST';

/** Why an organiser's times are refused, with the field to point at. */
export interface TimeProblem {
  field: 'startAt' | 'endAt' | 'signupDeadline';
  reason: ActivityTimeReason;
  message: string;
}

/** Checks the times of a new activity against `now`; an empty list means they are acceptable. */
export function activityTimeProblems(t: ActivityTimes, now: Date): TimeProblem[] {
  const start = Date.parse(t.startAt);
  const end = Date.parse(t.endAt);
  const deadline = Date.parse(t.signupDeadline);
  const out: TimeProblem[] = [];
  if (start <= now.getTime()) out.push({ field: 'startAt', reason: 'START_IN_PAST', message: '开始时间须晚于当前时间' });
  if (start - now.getTime() > ACTIVITY_LIMITS.maxDaysAhead * DAY) {
    out.push({ field: 'startAt', reason: 'TOO_FAR_AHEAD', message: `开始时间不能晚于 ${ACTIVITY_LIMITS.maxDaysAhead} 天后` });
  }
  if (end <= start) out.push({ field: 'endAt', reason: 'END_NOT_AFTER_START', message: '结束时间须晚于开始时间' });
  else if (end - start > ACTIVITY_LIMITS.maxDurationHours * HOUR) {
    out.push({ field: 'endAt', reason: 'TOO_LONG', message: `单次活动不能超过 ${ACTIVITY_LIMITS.maxDurationHours} 小时` });
  }
  if (deadline > start) out.push({ field: 'signupDeadline', reason: 'DEADLINE_AFTER_START', message: '报名截止时间不能晚于开始时间' });
  else if (deadline <= now.getTime())
    out.push({ field: 'signupDeadline', reason: 'DEADLINE_IN_PAST', message: '报名截止时间须晚于当前时间' });
  return out;
}

/** The phase of an activity at `now`. */
export function activityPhase(a: ActivityTimes & { status: ActivityStatus }, now: Date): ActivityPhase {
  if (a.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (a.status === 'finished' || t >= Date.parse(a.endAt)) return 'ended';
  if (t >= Date.parse(a.startAt)) return 'in_progress';
  if (t > Date.parse(a.signupDeadline)) return 'signup_closed';
  return 'signup_open';
}

/** Whether two time windows overlap; windows that only touch (one ends as the other starts) do not. */
export function overlaps(a: { startAt: string; endAt: string }, b: { startAt: string; endAt: string }): boolean {
  return Date.parse(a.startAt) < Date.parse(b.endAt) && Date.parse(b.startAt) < Date.parse(a.endAt);
}

/** Normalises an ISO time with any offset to UTC (`toISOString`), so stored times compare as strings. */
export function toUtcIso(iso: string): string {
  return new Date(iso).toISOString();
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET = 8 * HOUR;

/** A time as people in Jingzhou read it: `2026-11-22 09:00`. */
export function chinaTime(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** The calendar date in China: `2026-11-22`. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET).toISOString().slice(0, 10);
}

/** The start of the China-time month and year containing `now`, as UTC ISO strings. */
export function chinaPeriodStarts(now: Date): { monthStart: string; yearStart: string; nextYearStart: string } {
  const local = new Date(now.getTime() + CHINA_OFFSET);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const at = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - CHINA_OFFSET).toISOString();
  return { monthStart: at(y, m), yearStart: at(y, 0), nextYearStart: at(y + 1, 0) };
}

/** Reminder rounds before the start (RULES.md §3): 24 h and 2 h. */
export type ReminderRound = 'h24' | 'h2';

/**
 * The reminder round due for an activity at `now`, or null: within 2 h of the start the 2 h round
 * (once); earlier within 24 h the 24 h round (once). An activity first reached within 2 h of its
 * start gets only the 2 h round.
 */
export function reminderDue(a: { startAt: string; reminders: { h24?: string; h2?: string } }, now: Date): ReminderRound | null {
  const left = Date.parse(a.startAt) - now.getTime();
  if (left <= 0 || left > 24 * HOUR) return null;
  if (left <= 2 * HOUR) return a.reminders.h2 ? null : 'h2';
  return a.reminders.h24 ? null : 'h24';
}
