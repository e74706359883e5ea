import {
  attendanceAt,
  attendanceOptions,
  attendanceWindow,
  checkInProblem,
  checkOutProblem,
  serviceHours,
} from '../../cloudfunctions/core/domain/hours';

const t = (local: string) => new Date(`${local}+08:00`).toISOString();
const at = (local: string) => new Date(`${local}+08:00`);
// A 3-hour activity, 09:00–12:00: 60 % is 1 h 48 min.
const window = { startAt: t('2026-11-22T09:00:00'), endAt: t('2026-11-22T12:00:00') };

describe('service hours', () => {
  test.each([
    ['credits the whole activity', '09:00', '12:00', 3, true],
    ['clips an early arrival and a late departure to the window', '08:15', '12:40', 3, true],
    ['rounds down to 0.5 h units', '09:00', '11:29', 2, true],
    ['counts exactly 60 % of the duration', '09:00', '10:48', 1.5, true],
    ['does not count a minute under 60 %', '09:00', '10:47', 0, false],
    ['does not count travel before the start toward the 60 %', '07:00', '10:00', 0, false],
    ['credits 2.5 h for 2 h 59 min', '09:00', '11:59', 2.5, true],
    ['credits nothing for a stay entirely before the start', '07:00', '08:30', 0, false],
  ])('%s', (_name, inAt, outAt, hours, counted) => {
    const r = serviceHours({ ...window, checkInAt: t(`2026-11-22T${inAt}:00`), checkOutAt: t(`2026-11-22T${outAt}:00`), minRatio: 0.6 });
    expect(r).toMatchObject({ hours, counted });
  });

  test('follows a configured minimum share', () => {
    const r = serviceHours({ ...window, checkInAt: t('2026-11-22T09:00:00'), checkOutAt: t('2026-11-22T10:30:00'), minRatio: 0.5 });
    expect(r).toMatchObject({ hours: 1.5, counted: true, coveredMinutes: 90 });
  });
});

describe('check-in and check-out times', () => {
  test.each([
    ['accepts a check-in at the start', '09:00', '09:00', null],
    ['accepts a check-in an hour early', '08:00', '08:00', null],
    ['rejects a check-in more than an hour early', '07:59', '07:59', 'CHECK_IN_TOO_EARLY'],
    ['rejects a check-in time in the future', '10:00', '09:30', 'TIME_IN_FUTURE'],
    ['rejects a check-in at or after the end', '12:00', '12:30', 'ACTIVITY_ENDED'],
    ['accepts a corrected check-in after the end', '09:10', '13:00', null],
  ])('%s', (_name, time, now, problem) => {
    expect(checkInProblem(at(`2026-11-22T${time}:00`), window, at(`2026-11-22T${now}:00`))).toBe(problem);
  });

  test('closes corrections seven days after the end', () => {
    expect(checkInProblem(at('2026-11-22T09:00:00'), window, at('2026-11-29T12:00:00'))).toBeNull();
    expect(checkInProblem(at('2026-11-22T09:00:00'), window, at('2026-11-29T12:00:01'))).toBe('CORRECTION_WINDOW_CLOSED');
  });

  test.each([
    ['accepts a check-out after the check-in', '11:00', '11:00', false, null],
    ['accepts a check-out at "now" shortly after the end', '12:30', '12:30', false, null],
    ['accepts a check-out at "now" until an hour after the end', '13:00', '13:00', false, null],
    ['wants the actual time for a check-out more than an hour after the end', '13:00:01', '13:00:01', false, 'CHECK_OUT_TIME_REQUIRED'],
    ['accepts a given check-out time inside the window, set after the end', '11:30', '18:00', true, null],
    ['accepts a given check-out time at the end itself', '12:00', '18:00', true, null],
    ['rejects a given check-out time after the end', '12:00:01', '18:00', true, 'CHECK_OUT_AFTER_END'],
    ['rejects a check-out at the check-in time', '09:00', '11:00', false, 'CHECK_OUT_BEFORE_CHECK_IN'],
    ['rejects a check-out in the future', '11:30', '11:00', true, 'TIME_IN_FUTURE'],
  ])('%s', (_name, time, now, explicit, problem) => {
    const sec = (hm: string) => (hm.length === 5 ? `${hm}:00` : hm);
    expect(checkOutProblem(at(`2026-11-22T${sec(time)}`), t('2026-11-22T09:00:00'), window, at(`2026-11-22T${sec(now)}`), explicit)).toBe(
      problem,
    );
  });
});

const activity = { endAt: t('2026-11-22T12:00:00') };

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

describe("the roster's buttons (what an organiser may record now)", () => {
  const a = { ...window, status: 'published' };
  const confirmed = { status: 'confirmed' as const };
  const checkedIn = { status: 'confirmed' as const, checkInAt: t('2026-11-22T09:05:00') };
  test.each([
    ['nothing before check-in opens an hour before the start', confirmed, '07:59', { checkIn: false, checkOut: false, correct: false }],
    ['check-in from an hour before the start', confirmed, '08:00', { checkIn: true, checkOut: false, correct: true }],
    ['check-out once checked in', checkedIn, '11:00', { checkIn: false, checkOut: true, correct: true }],
    ['after the grace period only a given time (correction)', checkedIn, '13:01', { checkIn: false, checkOut: false, correct: true }],
    ['nothing for a waitlisted volunteer', { status: 'waitlisted' as const }, '10:00', { checkIn: false, checkOut: false, correct: false }],
  ])('%s', (_name, s, now, expected) => {
    expect(attendanceOptions(s, a, at(`2026-11-22T${now}:00`))).toEqual(expected);
  });

  test('nothing once the activity is cancelled, and check-in opens an hour before the start', () => {
    expect(attendanceOptions(confirmed, { ...a, status: 'cancelled' }, at('2026-11-22T10:00:00')).correct).toBe(false);
    expect(attendanceWindow(a, at('2026-11-22T07:00:00'))).toEqual({ opensAt: t('2026-11-22T08:00:00'), open: false });
  });
});
