import {
  cancelSignup,
  conflictingSlot,
  decideCancel,
  decideHead,
  freeSeats,
  placeSignup,
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

describe('where a new signup goes', () => {
  const open = {
    ...activity,
    activityId: 'act',
    capacity: 2,
    confirmedCount: 0,
    waitlist: [] as string[],
    waitlistEnabled: true,
  };
  const elsewhere = { activityId: 'other', startAt: t('2026-11-22T10:00:00'), endAt: t('2026-11-22T11:00:00') };
  const yesterday = { activityId: 'old', startAt: t('2026-11-19T10:00:00'), endAt: t('2026-11-19T11:00:00') };
  const now = '2026-11-21T10:00:00';
  test.each([
    ['a free seat with nobody waiting is confirmed', open, null, [], now, { ok: true, status: 'confirmed' }],
    ['a renewed signup after a cancellation is placed like a new one', open, 'cancelled', [], now, { ok: true, status: 'confirmed' }],
    [
      'a full activity puts the newcomer at the end of the waitlist',
      { ...open, confirmedCount: 2, waitlist: ['w1'] },
      null,
      [],
      now,
      { ok: true, status: 'waitlisted', position: 2 },
    ],
    [
      'a full activity without a waitlist refuses',
      { ...open, confirmedCount: 2, waitlistEnabled: false },
      null,
      [],
      now,
      { ok: false, reason: 'ACTIVITY_FULL' },
    ],
    ['a second live signup is refused', open, 'waitlisted', [], now, { ok: false, reason: 'ALREADY_SIGNED_UP' }],
    ['a confirmed activity at an overlapping time is refused', open, null, [elsewhere], now, { ok: false, reason: 'TIME_CONFLICT' }],
    ['a slot that has ended does not clash', open, null, [yesterday], now, { ok: true, status: 'confirmed' }],
    [
      'a closed activity refuses before anything else',
      { ...open, status: 'cancelled' as const },
      'confirmed',
      [elsewhere],
      now,
      { ok: false, reason: 'ACTIVITY_CANCELLED' },
    ],
    ['signup after the deadline is refused', open, null, [], '2026-11-22T08:30:00', { ok: false, reason: 'SIGNUP_DEADLINE_PASSED' }],
  ] as const)('%s', (_name, a, existing, slots, when, placement) => {
    expect(placeSignup(a, existing, slots, at(when))).toEqual(placement);
  });
});

describe('cancelling a signup', () => {
  test.each([
    ['a confirmed volunteer cancelling early is not late', 'confirmed', '2026-11-21T09:00:00', { allowed: true, late: false }],
    ['a confirmed volunteer cancelling after the cut-off is late', 'confirmed', '2026-11-22T08:00:00', { allowed: true, late: true }],
    ['leaving the waitlist after the cut-off is never late', 'waitlisted', '2026-11-22T08:00:00', { allowed: true, late: false }],
    ['leaving the waitlist early is not late either', 'waitlisted', '2026-11-21T09:00:00', { allowed: true, late: false }],
    ['nobody cancels once the activity started', 'waitlisted', '2026-11-22T09:30:00', { allowed: false, reason: 'ACTIVITY_STARTED' }],
  ] as const)('%s', (_name, signup, now, decision) => {
    expect(cancelSignup(activity, signup, 2, at(now))).toEqual(decision);
  });
});

describe('promotion from the waitlist', () => {
  test.each([
    ['a freed seat with people waiting is to be filled', { capacity: 3, confirmedCount: 2, waitlist: ['w1'] }, 1],
    ['two freed seats take two of those waiting', { capacity: 3, confirmedCount: 1, waitlist: ['w1', 'w2', 'w3'] }, 2],
    ['a freed seat with nobody waiting stays free', { capacity: 3, confirmedCount: 2, waitlist: [] }, 0],
    ['a full activity has nothing to fill', { capacity: 3, confirmedCount: 3, waitlist: ['w1'] }, 0],
  ])('%s', (_name, seats, n) => {
    expect(freeSeats(seats)).toBe(n);
  });

  const window = { activityId: 'act', startAt: activity.startAt, endAt: activity.endAt };
  const clash = { activityId: 'other', startAt: t('2026-11-22T11:00:00'), endAt: t('2026-11-22T13:00:00') };
  const ended = { activityId: 'old', startAt: t('2026-11-20T11:00:00'), endAt: t('2026-11-20T13:00:00') };
  const now = '2026-11-21T10:00:00';
  test.each([
    ['the first waitlisted volunteer takes the seat', { status: 'waitlisted' }, [], 'promote'],
    ['a head confirmed elsewhere at the same time is skipped and loses their place', { status: 'waitlisted' }, [clash], 'drop'],
    ['a head whose other activity has ended takes the seat', { status: 'waitlisted' }, [ended], 'promote'],
    ['a queue entry whose signup was cancelled meanwhile is stale', { status: 'cancelled' }, [], 'skip'],
    ['a queue entry already confirmed is stale', { status: 'confirmed' }, [], 'skip'],
    ['a queue entry without a signup is stale', null, [], 'skip'],
  ] as const)('%s', (_name, head, slots, outcome) => {
    expect(decideHead(head, slots, window, at(now))).toBe(outcome);
  });
});
