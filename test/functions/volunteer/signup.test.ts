import type { SignupDoc } from '../../../cloudfunctions/core/app/volunteer/model';
import { DEMO_ACTIVITIES } from '../../../cloudfunctions/core/seed/volunteer';
import { activity, signUp, volunteers, type Person } from '../../support/builders';
import { cst, useVolunteerHarness } from './support';

const v = useVolunteerHarness();
const { createActivity, addVolunteers, signup, detail, outbox, expectCountersConsistent } = v;

describe('volunteer.signup', () => {
  test('confirms while seats remain, then waitlists in order with positions', async () => {
    const a = await createActivity({ capacity: 2 });
    const vols = await addVolunteers(4);
    const results = [];
    for (const v of vols) results.push(await signup(a.activityId, v));
    expect(results.map((r) => r.ok && r.data)).toEqual([
      { status: 'confirmed' },
      { status: 'confirmed' },
      { status: 'waitlisted', position: 1 },
      { status: 'waitlisted', position: 2 },
    ]);
    expect(await detail(a.activityId, vols[3])).toMatchObject({
      confirmedCount: 2,
      waitlistCount: 2,
      seatsLeft: 0,
      mySignup: { status: 'waitlisted', position: 2 },
    });
    await expectCountersConsistent(a.activityId);
  });

  test('refuses a second signup by the same volunteer with CONFLICT, changing nothing', async () => {
    await signup(DEMO_ACTIVITIES.counseling, 'demo-volunteer');
    const before = v.h.snapshot();
    const r = await signup(DEMO_ACTIVITIES.counseling, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SIGNED_UP' });
    expect(v.h.snapshot()).toEqual(before);
  });

  test('refuses a confirmed volunteer an activity overlapping another confirmed one', async () => {
    const a = await createActivity({ startAt: cst('2026-11-22T11:00:00'), endAt: cst('2026-11-22T13:00:00') });
    const before = v.h.snapshot();
    const r = await signup(a.activityId, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'TIME_CONFLICT' });
    expect(v.h.snapshot()).toEqual(before);
  });

  test('accepts an activity that starts when another confirmed one ends', async () => {
    const a = await createActivity({ startAt: cst('2026-11-22T12:00:00'), endAt: cst('2026-11-22T13:00:00') });
    expect((await signup(a.activityId, 'demo-volunteer')).ok).toBe(true);
  });

  test.each([
    [
      'after the deadline',
      { signupDeadline: cst('2026-11-24T18:00:00') },
      '2026-11-24T18:00:01',
      'INVALID_STATE',
      'SIGNUP_DEADLINE_PASSED',
    ],
    ['after the start', {}, '2026-11-25T09:30:00', 'INVALID_STATE', 'ACTIVITY_STARTED'],
    ['after the end', {}, '2026-11-25T12:00:00', 'INVALID_STATE', 'ACTIVITY_FINISHED'],
  ])('rejects signup %s, changing nothing', async (_name, patch, now, code, reason) => {
    const a = await createActivity(patch);
    v.h.clock.set(cst(now));
    const before = v.h.snapshot();
    const r = await signup(a.activityId, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code, reason });
    expect(v.h.snapshot()).toEqual(before);
  });

  test('rejects signup for a cancelled activity', async () => {
    const a = await createActivity();
    await v.h.call('volunteer', 'cancelActivity', { activityId: a.activityId, reason: '天气原因' }, 'demo-rc');
    const r = await signup(a.activityId, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'ACTIVITY_CANCELLED' });
  });

  test('rejects signup for a finished activity', async () => {
    const r = await signup(DEMO_ACTIVITIES.pastHealth, 'demo-oc2');
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'ACTIVITY_FINISHED' });
  });

  test('refuses when full and the waitlist is off', async () => {
    const a = await createActivity({ capacity: 1, waitlist: false });
    const [v1, v2] = await addVolunteers(2);
    expect((await signup(a.activityId, v1)).ok).toBe(true);
    const before = v.h.snapshot();
    const r = await signup(a.activityId, v2);
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'ACTIVITY_FULL' });
    expect(v.h.snapshot()).toEqual(before);
  });

  test("forbids signing up for another community's private activity, changing nothing", async () => {
    const a = await createActivity();
    const [outsider] = await addVolunteers(1, 'outsider', 'cm_other');
    const before = v.h.snapshot();
    const r = await signup(a.activityId, outsider);
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', reason: 'COMMUNITY_ONLY' });
    expect(v.h.snapshot()).toEqual(before);
  });

  test('lets volunteers of another community join an activity open to all', async () => {
    const [outsider] = await addVolunteers(1, 'outsider', 'cm_other');
    expect((await signup(DEMO_ACTIVITIES.health, outsider)).ok).toBe(true);
  });

  test.each([
    ['a resident without a volunteer profile', 'demo-resident', 'FORBIDDEN', 'NOT_VOLUNTEER'],
    ['a pending user', 'demo-pending', 'FORBIDDEN', 'ACCOUNT_NOT_ACTIVE'],
    ['an unregistered caller', 'stranger', 'FORBIDDEN', 'NOT_REGISTERED'],
  ])('forbids %s, changing nothing', async (_name, openid, code, reason) => {
    const before = v.h.snapshot();
    const r = await signup(DEMO_ACTIVITIES.counseling, openid);
    expect(!r.ok && r.error).toMatchObject({ code, reason });
    expect(v.h.snapshot()).toEqual(before);
  });

  test.each([
    ['an unknown activity', { activityId: 'act_none' }, 'NOT_FOUND'],
    ['a malformed activity id', { activityId: 'act none; drop' }, 'INVALID_INPUT'],
    ['a missing activity id', {}, 'INVALID_INPUT'],
    ['a short clientToken', { activityId: DEMO_ACTIVITIES.counseling, clientToken: 'abc' }, 'INVALID_INPUT'],
  ])('answers %s with %s, changing nothing', async (_name, data, code) => {
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'signup', data, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe(code);
    expect(v.h.snapshot()).toEqual(before);
  });

  test('answers CONFLICT when a clientToken is reused for another activity', async () => {
    await signup(DEMO_ACTIVITIES.counseling, 'demo-volunteer', { clientToken: 'retry-token-2' });
    const r = await signup(DEMO_ACTIVITIES.health, 'demo-volunteer', { clientToken: 'retry-token-2' });
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_TOKEN_REUSED' });
  });

  test('never confirms more than capacity under concurrent signups', async () => {
    const a = await createActivity({ capacity: 5 });
    const vols = await addVolunteers(40);
    const results = await Promise.all(vols.map((v) => signup(a.activityId, v)));
    expect(results.filter((r) => r.ok && r.data.status === 'confirmed')).toHaveLength(5);
    const positions = results.flatMap((r) => (r.ok && r.data.status === 'waitlisted' ? [r.data.position] : []));
    expect(positions.sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    await expectCountersConsistent(a.activityId);
  });
});

describe('volunteer.cancel', () => {
  test('cancels freely before the cut-off', async () => {
    const r = await v.h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.cleanup }, 'demo-volunteer');
    expect(r).toEqual({ ok: true, data: { status: 'cancelled', lateCancel: false, promoted: 0 } });
    expect((await detail(DEMO_ACTIVITIES.cleanup)).mySignup).toMatchObject({ status: 'cancelled', lateCancel: false });
    await expectCountersConsistent(DEMO_ACTIVITIES.cleanup);
  });

  test('records a cancellation after the cut-off as late', async () => {
    v.h.clock.set(cst('2026-11-22T07:30:00'));
    const r = await v.h.call<{ lateCancel: boolean }>('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.cleanup }, 'demo-volunteer');
    expect(r.ok && r.data.lateCancel).toBe(true);
    const stored = await v.h.store.get<SignupDoc>('signups', `${DEMO_ACTIVITIES.cleanup}:${v.h.userId('demo-volunteer')}`);
    expect(stored).toMatchObject({ status: 'cancelled', lateCancel: true, cancelledBy: 'volunteer' });
  });

  /** An activity with one seat, built for the test: `holder` confirmed, then `head` and `next` waiting in that order. */
  async function queue() {
    const activityId = await activity(v.h, { capacity: 1 });
    const [holder, head, next] = await volunteers(v.h, 3);
    for (const p of [holder, head, next]) await signUp(v.h, activityId, p);
    return { activityId, holder, head, next };
  }
  const mine = async (activityId: string, p: Person) => (await detail(activityId, p.openid)).mySignup;
  const cancel = (activityId: string, p: Person) => v.h.call<{ promoted: number }>('volunteer', 'cancel', { activityId }, p.openid);

  test('gives the freed seat to the first waitlisted volunteer and notifies them once', async () => {
    const q = await queue();
    const r = await cancel(q.activityId, q.holder);
    expect(r.ok && r.data.promoted).toBe(1);
    expect(await mine(q.activityId, q.head)).toMatchObject({ status: 'confirmed', position: null });
    expect(await mine(q.activityId, q.next)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await outbox('volunteer_promoted')).map((n) => n.userId)).toEqual([q.head.userId]);
    await expectCountersConsistent(q.activityId);
  });

  test('moves the queue up when a waitlisted volunteer leaves, without a promotion', async () => {
    const q = await queue();
    await cancel(q.activityId, q.head);
    expect(await mine(q.activityId, q.next)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await outbox('volunteer_promoted')).toHaveLength(0);
    await expectCountersConsistent(q.activityId);
  });

  test('skips a waitlisted volunteer now confirmed elsewhere at the same time, telling them why', async () => {
    const q = await queue();
    const clash = await activity(v.h, { startAt: cst('2026-11-21T15:00:00'), endAt: cst('2026-11-21T17:00:00') });
    await signUp(v.h, clash, q.head);
    await cancel(q.activityId, q.holder);
    expect(await mine(q.activityId, q.head)).toMatchObject({ status: 'cancelled', cancelledBy: 'time_conflict' });
    expect(await mine(q.activityId, q.next)).toMatchObject({ status: 'confirmed' });
    expect((await outbox('volunteer_dropped')).map((n) => n.userId)).toEqual([q.head.userId]);
    await expectCountersConsistent(q.activityId);
  });

  test('lets a volunteer sign up again after cancelling, at the back of the queue', async () => {
    const q = await queue();
    await cancel(q.activityId, q.head);
    const again = await signup(q.activityId, q.head.openid);
    expect(again.ok && again.data).toEqual({ status: 'waitlisted', position: 2 });
    await expectCountersConsistent(q.activityId);
  });

  test('frees the time slot so an overlapping activity can be joined', async () => {
    const clash = await createActivity({ startAt: cst('2026-11-22T10:00:00'), endAt: cst('2026-11-22T11:00:00') });
    await v.h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.cleanup }, 'demo-volunteer');
    expect((await signup(clash.activityId, 'demo-volunteer')).ok).toBe(true);
  });

  test.each([
    ['without a signup', DEMO_ACTIVITIES.counseling, 'demo-volunteer', null, 'NOT_FOUND', 'NOT_SIGNED_UP'],
    [
      'once the activity has started',
      DEMO_ACTIVITIES.cleanup,
      'demo-volunteer',
      '2026-11-22T09:00:00',
      'INVALID_STATE',
      'ACTIVITY_STARTED',
    ],
    ['for an unknown activity', 'act_none', 'demo-volunteer', null, 'NOT_FOUND', undefined],
  ])('refuses to cancel %s, changing nothing', async (_name, activityId, openid, now, code, reason) => {
    if (now) v.h.clock.set(cst(now));
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'cancel', { activityId }, openid);
    expect(!r.ok && r.error.code).toBe(code);
    if (reason) expect(!r.ok && r.error.reason).toBe(reason);
    expect(v.h.snapshot()).toEqual(before);
  });
});
