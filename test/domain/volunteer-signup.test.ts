import {
  attendanceAt,
  conflictingSlot,
  decideCancel,
  decideSeat,
  freeCancelUntil,
  liveSlots,
  signupClosedReason,
  waitlistPosition,
} from '../../cloudfunctions/core/domain/signup';

const t = (local: string) => new Date(`${local}+08:00`).toISOString();
const at = (local: string) => new Date(`${local}+08:00`);
const activity = {
  status: 'open' as const,
  signupDeadline: t('2026-11-22T08:00:00'),
  startAt: t('2026-11-22T09:00:00'),
  endAt: t('2026-11-22T12:00:00'),
};

describe('when signup is open', () => {
  test.each([
    ['takes signups before the deadline', activity, '2026-11-21T10:00:00', null],
    ['takes signups at the deadline itself', activity, '2026-11-22T08:00:00', null],
    ['rejects signup after the deadline', activity, '2026-11-22T08:00:01', 'SIGNUP_DEADLINE_PASSED'],
    ['rejects signup once started', { ...activity, signupDeadline: activity.startAt }, '2026-11-22T09:00:00', 'ACTIVITY_STARTED'],
    ['rejects signup once ended', activity, '2026-11-22T12:00:00', 'ACTIVITY_FINISHED'],
    ['rejects signup for a finished activity', { ...activity, status: 'finished' as const }, '2026-11-21T10:00:00', 'ACTIVITY_FINISHED'],
    ['rejects signup for a cancelled activity', { ...activity, status: 'cancelled' as const }, '2026-11-21T10:00:00', 'ACTIVITY_CANCELLED'],
  ])('%s', (_name, a, now, reason) => {
    expect(signupClosedReason(a, at(now))).toBe(reason);
  });
});

describe('seats', () => {
  test.each([
    ['confirms while seats remain', { capacity: 3, confirmedCount: 2, waitlist: [], waitlistEnabled: true }, { status: 'confirmed' }],
    [
      'waitlists at capacity',
      { capacity: 3, confirmedCount: 3, waitlist: [], waitlistEnabled: true },
      { status: 'waitlisted', position: 1 },
    ],
    [
      'waitlists at the end of the queue',
      { capacity: 3, confirmedCount: 3, waitlist: ['a', 'b'], waitlistEnabled: true },
      { status: 'waitlisted', position: 3 },
    ],
    [
      'waitlists behind those waiting even when a seat is free',
      { capacity: 3, confirmedCount: 2, waitlist: ['a'], waitlistEnabled: true },
      { status: 'waitlisted', position: 2 },
    ],
    [
      'refuses at capacity without a waitlist',
      { capacity: 1, confirmedCount: 1, waitlist: [], waitlistEnabled: false },
      { status: 'full' },
    ],
  ])('%s', (_name, seats, decision) => {
    expect(decideSeat(seats)).toEqual(decision);
  });

  test('numbers waitlist positions from 1 in FIFO order', () => {
    expect(waitlistPosition(['a', 'b', 'c'], 'a')).toBe(1);
    expect(waitlistPosition(['a', 'b', 'c'], 'c')).toBe(3);
    expect(waitlistPosition(['a', 'b', 'c'], 'd')).toBeNull();
  });
});

describe('cancellation', () => {
  test.each([
    ['is free a day before', '2026-11-21T09:00:00', { allowed: true, late: false }],
    ['is free exactly at the cut-off (2 h before)', '2026-11-22T07:00:00', { allowed: true, late: false }],
    ['is late after the cut-off', '2026-11-22T07:00:01', { allowed: true, late: true }],
    ['is late a minute before the start', '2026-11-22T08:59:00', { allowed: true, late: true }],
    ['is closed once started', '2026-11-22T09:00:00', { allowed: false, reason: 'ACTIVITY_STARTED' }],
    ['is closed once ended', '2026-11-22T12:00:00', { allowed: false, reason: 'ACTIVITY_FINISHED' }],
  ])('%s', (_name, now, decision) => {
    expect(decideCancel(activity, 2, at(now))).toEqual(decision);
  });

  test('is closed for a cancelled activity', () => {
    expect(decideCancel({ ...activity, status: 'cancelled' }, 2, at('2026-11-21T09:00:00'))).toEqual({
      allowed: false,
      reason: 'ACTIVITY_CANCELLED',
    });
  });

  test('follows a configured cut-off', () => {
    expect(decideCancel(activity, 24, at('2026-11-21T09:00:01'))).toEqual({ allowed: true, late: true });
    expect(freeCancelUntil(activity.startAt, 24)).toBe(t('2026-11-21T09:00:00'));
  });
});

describe('overlapping confirmations', () => {
  const slots = [
    { activityId: 'a1', startAt: t('2026-11-22T09:00:00'), endAt: t('2026-11-22T12:00:00') },
    { activityId: 'a2', startAt: t('2026-11-23T09:00:00'), endAt: t('2026-11-23T12:00:00') },
  ];
  test.each([
    [
      'finds a confirmed activity at the same time',
      { activityId: 'b', startAt: t('2026-11-22T11:00:00'), endAt: t('2026-11-22T13:00:00') },
      'a1',
    ],
    ['allows back-to-back activities', { activityId: 'b', startAt: t('2026-11-22T12:00:00'), endAt: t('2026-11-22T13:00:00') }, null],
    ['ignores the same activity', { activityId: 'a1', startAt: t('2026-11-22T09:00:00'), endAt: t('2026-11-22T12:00:00') }, null],
  ])('%s', (_name, window, clash) => {
    expect(conflictingSlot(slots, window)?.activityId ?? null).toBe(clash);
  });

  test('forgets slots that have ended', () => {
    expect(liveSlots(slots, at('2026-11-22T12:00:00')).map((s) => s.activityId)).toEqual(['a2']);
  });
});

describe('attendance over time', () => {
  test.each([
    ['a confirmed volunteer not checked in by the end is a no-show', 'confirmed', 'pending', '2026-11-22T12:00:00', 'no_show'],
    ['a confirmed volunteer not checked in before the end is pending', 'confirmed', 'pending', '2026-11-22T11:59:59', 'pending'],
    ['a checked-in volunteer is not a no-show', 'confirmed', 'checked_in', '2026-11-22T13:00:00', 'checked_in'],
    ['a waitlisted volunteer is never a no-show', 'waitlisted', 'pending', '2026-11-22T13:00:00', 'pending'],
    ['a cancelled volunteer is never a no-show', 'cancelled', 'pending', '2026-11-22T13:00:00', 'pending'],
  ] as const)('%s', (_name, status, attendance, now, expected) => {
    expect(attendanceAt({ status, attendance }, activity.endAt, at(now))).toBe(expected);
  });
});
