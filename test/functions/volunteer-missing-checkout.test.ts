import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import type { RosterEntry } from '../../cloudfunctions/core/app/volunteer/views';
import { activity, cst, ORGANISER, signUp, volunteers, type Person } from '../support/builders';
import { makeHarness, type Harness } from '../support/harness';

// The rule (RULES.md §3, issue 11): a volunteer checked in but never checked out is flagged 未签退
// after the end, the organiser is told once, and no hours are credited until the organiser sets
// the check-out time, which must lie in the activity window.

let h: Harness;
let a: string;
let stayed: Person;
let left: Person;
beforeEach(async () => {
  h = await makeHarness(); // 2026-11-20 09:00 China time
  a = await activity(h, { startAt: cst('09:30:00'), endAt: cst('11:30:00') });
  [stayed, left] = await volunteers(h, 2);
  await signUp(h, a, stayed);
  await signUp(h, a, left);
  h.clock.set(cst('09:30:00'));
  for (const p of [stayed, left]) await h.call('volunteer', 'checkIn', { activityId: a, userId: p.userId }, ORGANISER);
  h.clock.set(cst('11:20:00'));
  await h.call('volunteer', 'checkOut', { activityId: a, userId: left.userId }, ORGANISER);
});
afterEach(() => h.close());

const roster = async () => {
  const r = await h.call<{ items: RosterEntry[] }>('volunteer', 'roster', { activityId: a }, ORGANISER);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return new Map(r.data.items.map((e) => [e.userId, e]));
};
/** The messages about this test's activity (the seed has activities of its own). */
const messages = async () =>
  (await h.store.find<{ _id: string; userId: string }>('outbox', { template: 'volunteer_missing_checkout' })).filter((m) =>
    m._id.endsWith(a),
  );
const totalHours = async (p: Person) => {
  const r = await h.call<{ totalHours: number }>('volunteer', 'myRecords', {}, p.openid);
  return r.ok ? r.data.totalHours : NaN;
};

test('the roster flags a volunteer checked in and not checked out once the activity has ended, and nobody before', async () => {
  expect((await roster()).get(stayed.userId)?.missingCheckOut).toBe(false);
  h.clock.set(cst('11:30:00'));
  const after = await roster();
  expect(after.get(stayed.userId)).toMatchObject({ missingCheckOut: true, attendance: 'checked_in', hours: 0 });
  expect(after.get(left.userId)).toMatchObject({ missingCheckOut: false, attendance: 'attended' });
});

test('the organiser who published the activity is told once after it ends, however often the scheduler runs', async () => {
  h.clock.set(cst('11:00:00'));
  await tick(h.deps);
  expect(await messages()).toHaveLength(0);
  h.clock.set(cst('11:31:00'));
  await tick(h.deps);
  await tick(h.deps);
  h.clock.set(cst('12:00:00'));
  await tick(h.deps);
  const sent = await messages();
  expect(sent).toEqual([expect.objectContaining({ _id: `vol-missing-checkout:${a}`, userId: h.userId(ORGANISER) })]);
});

test('nobody is told when every volunteer checked out', async () => {
  await h.call('volunteer', 'checkOut', { activityId: a, userId: stayed.userId }, ORGANISER);
  h.clock.set(cst('12:00:00'));
  await tick(h.deps);
  expect(await messages()).toHaveLength(0);
});

test('no hours are credited until the organiser sets the check-out time, then they are', async () => {
  h.clock.set(cst('2026-11-21T09:00:00'));
  await tick(h.deps);
  expect(await totalHours(stayed)).toBe(0);
  const plain = await h.call('volunteer', 'checkOut', { activityId: a, userId: stayed.userId }, ORGANISER);
  expect(!plain.ok && plain.error).toMatchObject({ code: 'INVALID_STATE', reason: 'CHECK_OUT_TIME_REQUIRED' });
  expect(await totalHours(stayed)).toBe(0);

  const set = await h.call<RosterEntry>(
    'volunteer',
    'checkOut',
    { activityId: a, userId: stayed.userId, at: cst('11:30:00'), reason: '志愿者忘记签退，按现场记录补填' },
    ORGANISER,
  );
  expect(set.ok && set.data).toMatchObject({
    attendance: 'attended',
    hours: 2,
    missingCheckOut: false,
    checkOutAt: '2026-11-20T03:30:00.000Z',
  });
  expect(await totalHours(stayed)).toBe(2);
});

test('a check-out time the organiser sets must lie in the activity window, and a refused one changes nothing', async () => {
  h.clock.set(cst('15:00:00'));
  const before = h.snapshot();
  const late = await h.call(
    'volunteer',
    'checkOut',
    { activityId: a, userId: stayed.userId, at: cst('11:31:00'), reason: '补填' },
    ORGANISER,
  );
  expect(!late.ok && late.error).toMatchObject({ code: 'INVALID_STATE', reason: 'CHECK_OUT_AFTER_END' });
  const early = await h.call(
    'volunteer',
    'checkOut',
    { activityId: a, userId: stayed.userId, at: cst('09:20:00'), reason: '补填' },
    ORGANISER,
  );
  expect(!early.ok && early.error).toMatchObject({ code: 'INVALID_STATE', reason: 'CHECK_OUT_BEFORE_CHECK_IN' });
  expect(h.snapshot()).toEqual(before);
});
