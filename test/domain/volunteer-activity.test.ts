import {
  activityPhase,
  activityTimeProblems,
  chinaDate,
  chinaPeriodStarts,
  chinaTime,
  overlaps,
  reminderDue,
  toUtcIso,
} from '../../cloudfunctions/core/domain/activity';

const NOW = new Date('2026-11-20T09:00:00+08:00');
const t = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('activity times', () => {
  test.each([
    ['accepts a well-ordered future activity', t('2026-11-22T09:00:00'), t('2026-11-22T12:00:00'), t('2026-11-21T18:00:00'), []],
    ['accepts a deadline equal to the start', t('2026-11-22T09:00:00'), t('2026-11-22T12:00:00'), t('2026-11-22T09:00:00'), []],
    [
      'rejects an end before the start',
      t('2026-11-22T12:00:00'),
      t('2026-11-22T09:00:00'),
      t('2026-11-22T09:00:00'),
      ['END_NOT_AFTER_START'],
    ],
    [
      'rejects an end equal to the start',
      t('2026-11-22T09:00:00'),
      t('2026-11-22T09:00:00'),
      t('2026-11-22T09:00:00'),
      ['END_NOT_AFTER_START'],
    ],
    [
      'rejects a start in the past',
      t('2026-11-20T08:00:00'),
      t('2026-11-20T10:00:00'),
      t('2026-11-20T08:00:00'),
      ['START_IN_PAST', 'DEADLINE_IN_PAST'],
    ],
    [
      'rejects a deadline after the start',
      t('2026-11-22T09:00:00'),
      t('2026-11-22T12:00:00'),
      t('2026-11-22T10:00:00'),
      ['DEADLINE_AFTER_START'],
    ],
    [
      'rejects a deadline already passed',
      t('2026-11-22T09:00:00'),
      t('2026-11-22T12:00:00'),
      t('2026-11-20T08:59:00'),
      ['DEADLINE_IN_PAST'],
    ],
    ['rejects an activity longer than 24 h', t('2026-11-22T09:00:00'), t('2026-11-23T09:30:00'), t('2026-11-22T09:00:00'), ['TOO_LONG']],
    ['accepts exactly 24 h', t('2026-11-22T09:00:00'), t('2026-11-23T09:00:00'), t('2026-11-22T09:00:00'), []],
    [
      'rejects a start more than a year ahead',
      t('2027-12-01T09:00:00'),
      t('2027-12-01T10:00:00'),
      t('2027-12-01T09:00:00'),
      ['TOO_FAR_AHEAD'],
    ],
  ])('%s', (_name, startAt, endAt, signupDeadline, reasons) => {
    expect(activityTimeProblems({ startAt, endAt, signupDeadline }, NOW).map((p) => p.reason)).toEqual(reasons);
  });
});

describe('activity phase', () => {
  const a = {
    status: 'open' as const,
    signupDeadline: t('2026-11-22T08:00:00'),
    startAt: t('2026-11-22T09:00:00'),
    endAt: t('2026-11-22T12:00:00'),
  };
  test.each([
    ['signup_open before the deadline', a, '2026-11-22T08:00:00', 'signup_open'],
    ['signup_closed after the deadline', a, '2026-11-22T08:00:01', 'signup_closed'],
    ['in_progress from the start', a, '2026-11-22T09:00:00', 'in_progress'],
    ['ended from the end', a, '2026-11-22T12:00:00', 'ended'],
    ['ended when finished', { ...a, status: 'finished' as const }, '2026-11-21T00:00:00', 'ended'],
    ['cancelled whatever the time', { ...a, status: 'cancelled' as const }, '2026-11-21T00:00:00', 'cancelled'],
  ])('is %s', (_name, activity, now, phase) => {
    expect(activityPhase(activity, new Date(`${now}+08:00`))).toBe(phase);
  });
});

describe('overlap', () => {
  const base = { startAt: t('2026-11-22T09:00:00'), endAt: t('2026-11-22T12:00:00') };
  test.each([
    ['overlaps a window starting inside it', { startAt: t('2026-11-22T11:00:00'), endAt: t('2026-11-22T13:00:00') }, true],
    ['overlaps a window containing it', { startAt: t('2026-11-22T08:00:00'), endAt: t('2026-11-22T13:00:00') }, true],
    ['overlaps a window inside it', { startAt: t('2026-11-22T10:00:00'), endAt: t('2026-11-22T10:30:00') }, true],
    ['does not overlap a window that starts as it ends', { startAt: t('2026-11-22T12:00:00'), endAt: t('2026-11-22T13:00:00') }, false],
    ['does not overlap a window that ends as it starts', { startAt: t('2026-11-22T07:00:00'), endAt: t('2026-11-22T09:00:00') }, false],
    ['does not overlap another day', { startAt: t('2026-11-23T09:00:00'), endAt: t('2026-11-23T12:00:00') }, false],
  ])('%s', (_name, other, expected) => {
    expect(overlaps(base, other)).toBe(expected);
    expect(overlaps(other, base)).toBe(expected);
  });
});

describe('China time', () => {
  test('normalises any offset to UTC so stored times compare as strings', () => {
    expect(toUtcIso('2026-11-22T09:00:00+08:00')).toBe('2026-11-22T01:00:00.000Z');
    expect(toUtcIso('2026-11-22T01:00:00Z')).toBe('2026-11-22T01:00:00.000Z');
  });

  test('shows times and dates in UTC+8', () => {
    expect(chinaTime('2026-11-21T17:30:00.000Z')).toBe('2026-11-22 01:30');
    expect(chinaDate('2026-11-21T17:30:00.000Z')).toBe('2026-11-22');
  });

  test('starts months and years at China midnight', () => {
    expect(chinaPeriodStarts(new Date('2026-12-31T16:30:00Z'))).toEqual({
      monthStart: '2026-12-31T16:00:00.000Z',
      yearStart: '2026-12-31T16:00:00.000Z',
      nextYearStart: '2027-12-31T16:00:00.000Z',
    });
    expect(chinaPeriodStarts(NOW).monthStart).toBe('2026-10-31T16:00:00.000Z');
  });
});

describe('reminders before the start', () => {
  const start = t('2026-11-21T09:00:00'); // 24 h after NOW
  test.each([
    ['nothing is due more than 24 h ahead', start, {}, '2026-11-20T08:59:59', null],
    ['the 24 h reminder is due 24 h ahead', start, {}, '2026-11-20T09:00:00', 'h24'],
    ['the 24 h reminder goes once', start, { h24: 'sent' }, '2026-11-20T12:00:00', null],
    ['the 2 h reminder is due 2 h ahead, after the 24 h one', start, { h24: 'sent' }, '2026-11-21T07:00:00', 'h2'],
    ['only the 2 h reminder is due when first reached within 2 h', start, {}, '2026-11-21T08:00:00', 'h2'],
    ['the 2 h reminder goes once', start, { h24: 'skipped', h2: 'sent' }, '2026-11-21T08:30:00', null],
    ['nothing is due once the activity has started', start, {}, '2026-11-21T09:00:00', null],
  ] as const)('%s', (_name, startAt, reminders, now, round) => {
    expect(reminderDue({ startAt, reminders }, new Date(`${now}+08:00`))).toBe(round);
  });
});
