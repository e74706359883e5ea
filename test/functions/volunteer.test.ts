import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { ActivityDoc, SignupDoc, VolunteerDoc } from '../../cloudfunctions/core/app/volunteer/model';
import type { ActivityDetail, RosterEntry, ServiceRecord, VolunteerProfile } from '../../cloudfunctions/core/app/volunteer/views';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** Times on the harness clock's week (it stands at 2026-11-20 09:00 China time). */
const cst = (local: string) => `${local}+08:00`;

const activityInput = {
  communityId: DEMO.communityId,
  title: '江津花园垃圾分类宣传',
  category: 'environment',
  description: '在小区门口宣传垃圾分类，发放宣传册。',
  location: '江津花园东门',
  startAt: cst('2026-11-25T09:00:00'),
  endAt: cst('2026-11-25T12:00:00'),
  capacity: 3,
};

async function createActivity(patch: Record<string, unknown> = {}, openid = 'demo-rc'): Promise<ActivityDetail> {
  const r = await h.call<ActivityDetail>('volunteer', 'createActivity', { ...activityInput, ...patch }, openid);
  if (!r.ok) throw new Error(`createActivity failed: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** Adds active residents with volunteer profiles straight to the store; returns their openids. */
async function addVolunteers(n: number, prefix = 'vol', communityId: string = DEMO.communityId): Promise<string[]> {
  const at = '2026-11-01T00:00:00.000Z';
  const openids: string[] = [];
  for (let i = 0; i < n; i++) {
    const openid = `${prefix}-${i}`;
    const _id = h.userId(openid);
    const phone = `139${String(10000000 + i).slice(-8)}`;
    const user: UserDoc = {
      _id,
      openid,
      name: `志愿者${i}`,
      phone,
      communityId,
      compoundId: DEMO.compound1,
      building: '1栋',
      room: String(100 + i),
      status: 'active',
      roles: ['resident'],
      isPartyMember: false,
      createdAt: at,
      updatedAt: at,
    };
    const vol: VolunteerDoc = {
      _id,
      communityId,
      compoundId: DEMO.compound1,
      realName: `志愿者${i}`,
      phone,
      skills: [],
      isPartyMember: false,
      volunteerNo: `T${prefix}${i}`,
      totalHours: 0,
      slots: [],
      createdAt: at,
      updatedAt: at,
    };
    await h.store.insert('users', user);
    await h.store.insert('volunteers', vol);
    openids.push(openid);
  }
  return openids;
}

const signup = (activityId: string, openid: string, extra: Record<string, unknown> = {}) =>
  h.call<{ status: string; position?: number }>('volunteer', 'signup', { activityId, ...extra }, openid);
const detail = async (activityId: string, openid = 'demo-volunteer') => {
  const r = await h.call<ActivityDetail>('volunteer', 'getActivity', { activityId }, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
};
const outbox = (template: string) => h.store.find<{ _id: string; userId: string; template: string }>('outbox', { template });

/** The stored counters of an activity equal its signup records. */
async function expectCountersConsistent(activityId: string): Promise<void> {
  const a = (await h.store.get<ActivityDoc>('activities', activityId)) as ActivityDoc;
  const rows = await h.store.find<SignupDoc>('signups', { activityId });
  const confirmed = rows.filter((s) => s.status === 'confirmed');
  const waiting = rows.filter((s) => s.status === 'waitlisted').sort((x, y) => a.waitlist.indexOf(x.userId) - a.waitlist.indexOf(y.userId));
  expect(a.confirmedCount).toBe(confirmed.length);
  expect(a.waitlistCount).toBe(waiting.length);
  expect([...a.waitlist].sort()).toEqual(waiting.map((s) => s.userId).sort());
  expect(a.confirmedCount).toBeLessThanOrEqual(a.capacity);
  if (a.status === 'open' && a.confirmedCount < a.capacity) expect(a.waitlist).toHaveLength(0);
}

describe('volunteer.register', () => {
  test('gives a registered resident a profile with a new volunteer number', async () => {
    const r = await h.call<VolunteerProfile>(
      'volunteer',
      'register',
      { realName: '陈玉珍', phone: '13907160006', skills: ['做饭', '做饭', '急救'] },
      'demo-resident',
    );
    expect(r.ok && r.data).toMatchObject({
      realName: '陈玉珍',
      volunteerNo: 'ZY000007',
      skills: ['做饭', '急救'],
      totalHours: 0,
      communityId: DEMO.communityId,
    });
    const profile = await h.call<VolunteerProfile | null>('volunteer', 'profile', {}, 'demo-resident');
    expect(profile.ok && profile.data?.volunteerNo).toBe('ZY000007');
    expect(await h.store.count('audit', { action: 'volunteer.register' })).toBe(1);
  });

  test('lets a pending (registered, not yet approved) user register as a volunteer', async () => {
    const r = await h.call('volunteer', 'register', { realName: '何小燕', phone: '13907160013' }, 'demo-pending');
    expect(r.ok).toBe(true);
  });

  test('answers profile null for a user who is not a volunteer', async () => {
    expect(await h.call('volunteer', 'profile', {}, 'demo-resident')).toEqual({ ok: true, data: null });
  });

  test('refuses a second registration with CONFLICT and changes nothing', async () => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'register', { realName: '赵志远', phone: '13907160007' }, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_VOLUNTEER' });
    expect(h.snapshot()).toEqual(before);
  });

  test('issues distinct numbers to concurrent registrations', async () => {
    const callers = ['demo-resident', 'demo-pending', 'demo-rc', 'demo-party', 'demo-property'];
    const results = await Promise.all(
      callers.map((o) => h.call<VolunteerProfile>('volunteer', 'register', { realName: '某某', phone: '13800000000' }, o)),
    );
    const numbers = results.map((r) => (r.ok ? r.data.volunteerNo : r.error.code));
    expect(new Set(numbers).size).toBe(5);
    expect(numbers.every((n) => /^ZY0000(0[7-9]|1[01])$/.test(n))).toBe(true);
  });

  test.each([
    [
      'a skill refused by the content check',
      { realName: '陈玉珍', phone: '13907160006', skills: ['赌博'] },
      'CONTENT_REJECTED',
      'demo-resident',
    ],
    ['a 10-digit phone', { realName: '陈玉珍', phone: '1390716000' }, 'INVALID_INPUT', 'demo-resident'],
    ['a missing real name', { phone: '13907160006' }, 'INVALID_INPUT', 'demo-resident'],
    [
      'eleven skills',
      { realName: '陈玉珍', phone: '13907160006', skills: Array.from({ length: 11 }, (_, i) => `技能${i}`) },
      'INVALID_INPUT',
      'demo-resident',
    ],
    ['an unknown field', { realName: '陈玉珍', phone: '13907160006', idCard: '420000' }, 'INVALID_INPUT', 'demo-resident'],
    ['an unregistered caller', { realName: '路人', phone: '13907160099' }, 'FORBIDDEN', 'stranger'],
  ])('rejects %s, changing nothing', async (_name, data, code, openid) => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'register', data, openid);
    expect(!r.ok && r.error.code).toBe(code);
    expect(h.snapshot()).toEqual(before);
  });
});

describe('volunteer.createActivity', () => {
  test('publishes an open activity with empty seats and the deadline at the start by default', async () => {
    const a = await createActivity();
    expect(a).toMatchObject({
      status: 'open',
      phase: 'signup_open',
      capacity: 3,
      confirmedCount: 0,
      waitlistCount: 0,
      seatsLeft: 3,
      waitlistEnabled: true,
      openToAll: false,
      startAt: '2026-11-25T01:00:00.000Z',
      signupDeadline: '2026-11-25T01:00:00.000Z',
      freeCancelUntil: '2026-11-24T23:00:00.000Z',
      organiser: { organisation: '红星社区居民委员会', personInCharge: '王秀兰', contact: '0716-8210300' },
      isOrganiser: true,
    });
    expect(await h.store.count('audit', { action: 'volunteer.createActivity', targetId: a.activityId })).toBe(1);
  });

  test('lets the party organisation publish, named as the organiser', async () => {
    const a = await createActivity({ contactName: '李书记', contactPhone: '0716-8210003' }, 'demo-party');
    expect(a.organiser).toEqual({ organisation: '中共红星社区委员会', personInCharge: '李书记', contact: '0716-8210003' });
  });

  test('creates one activity for a retried call with the same clientToken', async () => {
    const data = { ...activityInput, clientToken: 'create-token-1' };
    const [r1, r2] = await Promise.all([
      h.call('volunteer', 'createActivity', data, 'demo-rc'),
      h.call('volunteer', 'createActivity', data, 'demo-rc'),
    ]);
    expect(r1).toEqual(r2);
    expect(await h.store.count('activities', { title: activityInput.title })).toBe(1);
  });

  test.each([
    ['dates in the wrong order', { startAt: cst('2026-11-25T12:00:00'), endAt: cst('2026-11-25T09:00:00') }, 'endAt'],
    ['an end equal to the start', { endAt: activityInput.startAt }, 'endAt'],
    ['a start in the past', { startAt: cst('2026-11-19T09:00:00'), endAt: cst('2026-11-19T12:00:00') }, 'startAt'],
    ['a deadline after the start', { signupDeadline: cst('2026-11-25T10:00:00') }, 'signupDeadline'],
    ['a deadline already passed', { signupDeadline: cst('2026-11-20T08:00:00') }, 'signupDeadline'],
    ['an activity over 24 hours', { endAt: cst('2026-11-26T12:00:00') }, 'endAt'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['a negative capacity', { capacity: -5 }, 'capacity'],
    ['a huge capacity', { capacity: 1_000_000 }, 'capacity'],
    ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
    ['a capacity given as text', { capacity: '3' }, 'capacity'],
    ['an unknown category', { category: 'party_building' }, 'category'],
    ['a time without an offset', { startAt: '2026-11-25T09:00:00' }, 'startAt'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a 41-character title', { title: '活'.repeat(41) }, 'title'],
    ['an unknown field', { budget: 100 }, ''],
  ])('rejects %s with INVALID_INPUT naming the field, changing nothing', async (_name, patch, field) => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'createActivity', { ...activityInput, ...patch }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    if (!r.ok && field) expect(r.error.issues?.some((i) => i.path[0] === field)).toBe(true);
    expect(h.snapshot()).toEqual(before);
  });

  test.each([
    ['a volunteer', 'demo-volunteer', activityInput.communityId, 'FORBIDDEN'],
    ['an owners-committee member', 'demo-oc', activityInput.communityId, 'FORBIDDEN'],
    ['property staff', 'demo-property', activityInput.communityId, 'FORBIDDEN'],
    ['residents-committee staff for another community', 'demo-rc', 'cm_other', 'FORBIDDEN'],
    ['a pending user', 'demo-pending', activityInput.communityId, 'FORBIDDEN'],
    ['an unregistered caller', 'stranger', activityInput.communityId, 'FORBIDDEN'],
    ['a caller without identity', null, activityInput.communityId, 'UNAUTHENTICATED'],
  ])('forbids %s from publishing, changing nothing', async (_name, openid, communityId, code) => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'createActivity', { ...activityInput, communityId }, openid);
    expect(!r.ok && r.error.code).toBe(code);
    expect(h.snapshot()).toEqual(before);
  });

  test('rejects a description refused by the content check, storing nothing', async () => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'createActivity', { ...activityInput, description: '组织赌博活动' }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('CONTENT_REJECTED');
    expect(h.snapshot()).toEqual(before);
  });
});

describe('volunteer.listActivities and getActivity', () => {
  test('lists upcoming activities soonest first, including the one under way', async () => {
    const r = await h.call<{ items: Array<{ activityId: string; startAt: string }>; nextCursor: string | null }>(
      'volunteer',
      'listActivities',
      { communityId: DEMO.communityId },
      'demo-resident',
    );
    expect(r.ok && r.data.items.map((a) => a.activityId)).toEqual([
      DEMO_ACTIVITIES.ongoing,
      DEMO_ACTIVITIES.cleanup,
      DEMO_ACTIVITIES.civility,
      DEMO_ACTIVITIES.counseling,
      DEMO_ACTIVITIES.health,
    ]);
  });

  test('lists past activities latest first', async () => {
    const r = await h.call<{ items: Array<{ activityId: string }> }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      when: 'past',
    });
    expect(r.ok && r.data.items.map((a) => a.activityId)).toEqual([DEMO_ACTIVITIES.pastHealth, DEMO_ACTIVITIES.pastClean]);
  });

  test('filters by category', async () => {
    const r = await h.call<{ items: Array<{ category: string }> }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      category: 'civility',
    });
    expect(r.ok && r.data.items.map((a) => a.category)).toEqual(['civility']);
  });

  test('pages with a cursor without repeating an activity', async () => {
    const first = await h.call<{ items: Array<{ activityId: string }>; nextCursor: string }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      limit: 3,
    });
    const second = await h.call<{ items: Array<{ activityId: string }>; nextCursor: string | null }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      limit: 3,
      cursor: first.ok ? first.data.nextCursor : '',
    });
    expect(first.ok && first.data.items).toHaveLength(3);
    expect(second.ok && second.data.items).toHaveLength(2);
    expect(second.ok && second.data.nextCursor).toBeNull();
  });

  test('shows seats left and the waitlist on each card', async () => {
    const r = await h.call<{ items: Array<{ activityId: string; seatsLeft: number; waitlistCount: number }> }>(
      'volunteer',
      'listActivities',
      { communityId: DEMO.communityId },
    );
    const civility = r.ok ? r.data.items.find((a) => a.activityId === DEMO_ACTIVITIES.civility) : undefined;
    expect(civility).toMatchObject({ seatsLeft: 0, waitlistCount: 2 });
  });

  test("shows the caller's own status and waitlist position", async () => {
    const a = await detail(DEMO_ACTIVITIES.civility);
    expect(a.mySignup).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(a.isOrganiser).toBe(false);
    expect((await detail(DEMO_ACTIVITIES.civility, 'demo-rc')).isOrganiser).toBe(true);
    expect((await detail(DEMO_ACTIVITIES.counseling)).mySignup).toBeNull();
  });

  test('answers NOT_FOUND for an unknown activity', async () => {
    const r = await h.call('volunteer', 'getActivity', { activityId: 'act_none' }, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});

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
    const before = h.snapshot();
    const r = await signup(DEMO_ACTIVITIES.counseling, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SIGNED_UP' });
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses a confirmed volunteer an activity overlapping another confirmed one', async () => {
    const a = await createActivity({ startAt: cst('2026-11-22T11:00:00'), endAt: cst('2026-11-22T13:00:00') });
    const before = h.snapshot();
    const r = await signup(a.activityId, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'TIME_CONFLICT' });
    expect(h.snapshot()).toEqual(before);
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
    h.clock.set(cst(now));
    const before = h.snapshot();
    const r = await signup(a.activityId, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code, reason });
    expect(h.snapshot()).toEqual(before);
  });

  test('rejects signup for a cancelled activity', async () => {
    const a = await createActivity();
    await h.call('volunteer', 'cancelActivity', { activityId: a.activityId, reason: '天气原因' }, 'demo-rc');
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
    const before = h.snapshot();
    const r = await signup(a.activityId, v2);
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'ACTIVITY_FULL' });
    expect(h.snapshot()).toEqual(before);
  });

  test("forbids signing up for another community's private activity, changing nothing", async () => {
    const a = await createActivity();
    const [outsider] = await addVolunteers(1, 'outsider', 'cm_other');
    const before = h.snapshot();
    const r = await signup(a.activityId, outsider);
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', reason: 'COMMUNITY_ONLY' });
    expect(h.snapshot()).toEqual(before);
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
    const before = h.snapshot();
    const r = await signup(DEMO_ACTIVITIES.counseling, openid);
    expect(!r.ok && r.error).toMatchObject({ code, reason });
    expect(h.snapshot()).toEqual(before);
  });

  test.each([
    ['an unknown activity', { activityId: 'act_none' }, 'NOT_FOUND'],
    ['a malformed activity id', { activityId: 'act none; drop' }, 'INVALID_INPUT'],
    ['a missing activity id', {}, 'INVALID_INPUT'],
    ['a short clientToken', { activityId: DEMO_ACTIVITIES.counseling, clientToken: 'abc' }, 'INVALID_INPUT'],
  ])('answers %s with %s, changing nothing', async (_name, data, code) => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'signup', data, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe(code);
    expect(h.snapshot()).toEqual(before);
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
    const r = await h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.cleanup }, 'demo-volunteer');
    expect(r).toEqual({ ok: true, data: { status: 'cancelled', lateCancel: false, promoted: 0 } });
    expect((await detail(DEMO_ACTIVITIES.cleanup)).mySignup).toMatchObject({ status: 'cancelled', lateCancel: false });
    await expectCountersConsistent(DEMO_ACTIVITIES.cleanup);
  });

  test('records a cancellation after the cut-off as late', async () => {
    h.clock.set(cst('2026-11-22T07:30:00'));
    const r = await h.call<{ lateCancel: boolean }>('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.cleanup }, 'demo-volunteer');
    expect(r.ok && r.data.lateCancel).toBe(true);
    const stored = await h.store.get<SignupDoc>('signups', `${DEMO_ACTIVITIES.cleanup}:${h.userId('demo-volunteer')}`);
    expect(stored).toMatchObject({ status: 'cancelled', lateCancel: true, cancelledBy: 'volunteer' });
  });

  test('gives the freed seat to the first waitlisted volunteer and notifies them once', async () => {
    const r = await h.call<{ promoted: number }>('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.civility }, 'demo-oc');
    expect(r.ok && r.data.promoted).toBe(1);
    const first = await detail(DEMO_ACTIVITIES.civility, 'demo-resident3');
    expect(first.mySignup).toMatchObject({ status: 'confirmed', position: null });
    expect((await detail(DEMO_ACTIVITIES.civility)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 });
    const sent = await outbox('volunteer_promoted');
    expect(sent.map((n) => n.userId)).toEqual([h.userId('demo-resident3')]);
    await expectCountersConsistent(DEMO_ACTIVITIES.civility);
  });

  test('moves the queue up when a waitlisted volunteer leaves, without a promotion', async () => {
    await h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.civility }, 'demo-resident3');
    expect((await detail(DEMO_ACTIVITIES.civility)).mySignup).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await outbox('volunteer_promoted')).toHaveLength(0);
    await expectCountersConsistent(DEMO_ACTIVITIES.civility);
  });

  test('skips a waitlisted volunteer now confirmed elsewhere at the same time, telling them why', async () => {
    // demo-resident3 heads the civility waitlist (day 3, 07:00–09:00) and confirms an overlapping activity.
    const clash = await createActivity({ startAt: cst('2026-11-23T08:00:00'), endAt: cst('2026-11-23T10:00:00') });
    expect((await signup(clash.activityId, 'demo-resident3')).ok).toBe(true);
    await h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.civility }, 'demo-oc');
    expect((await detail(DEMO_ACTIVITIES.civility, 'demo-resident3')).mySignup).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'time_conflict',
    });
    expect((await detail(DEMO_ACTIVITIES.civility)).mySignup).toMatchObject({ status: 'confirmed' });
    expect((await outbox('volunteer_dropped')).map((n) => n.userId)).toEqual([h.userId('demo-resident3')]);
    await expectCountersConsistent(DEMO_ACTIVITIES.civility);
  });

  test('lets a volunteer sign up again after cancelling, at the back of the queue', async () => {
    await h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.civility }, 'demo-resident3');
    const r = await signup(DEMO_ACTIVITIES.civility, 'demo-resident3');
    expect(r.ok && r.data).toEqual({ status: 'waitlisted', position: 2 });
    await expectCountersConsistent(DEMO_ACTIVITIES.civility);
  });

  test('frees the time slot so an overlapping activity can be joined', async () => {
    const clash = await createActivity({ startAt: cst('2026-11-22T10:00:00'), endAt: cst('2026-11-22T11:00:00') });
    await h.call('volunteer', 'cancel', { activityId: DEMO_ACTIVITIES.cleanup }, 'demo-volunteer');
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
    if (now) h.clock.set(cst(now));
    const before = h.snapshot();
    const r = await h.call('volunteer', 'cancel', { activityId }, openid);
    expect(!r.ok && r.error.code).toBe(code);
    if (reason) expect(!r.ok && r.error.reason).toBe(reason);
    expect(h.snapshot()).toEqual(before);
  });
});

describe('volunteer.checkIn and checkOut', () => {
  const ongoing = DEMO_ACTIVITIES.ongoing; // 08:00–12:00 today
  const vid = () => h.userId('demo-volunteer');

  test('records check-in and check-out and credits hours clipped to the window', async () => {
    h.clock.set(cst('2026-11-20T09:10:00'));
    const inR = await h.call<RosterEntry>('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(inR.ok && inR.data).toMatchObject({ attendance: 'checked_in', checkInAt: '2026-11-20T01:10:00.000Z' });
    h.clock.set(cst('2026-11-20T12:40:00'));
    const outR = await h.call<RosterEntry>('volunteer', 'checkOut', { activityId: ongoing, userId: vid() }, 'demo-rc');
    // 09:10–12:00 inside the window: 2 h 50 min of 4 h (71 %) → 2.5 h.
    expect(outR.ok && outR.data).toMatchObject({ attendance: 'attended', hours: 2.5 });
    const records = await h.call<{ totalHours: number }>('volunteer', 'myRecords', {}, 'demo-volunteer');
    expect(records.ok && records.data.totalHours).toBe(8);
  });

  test('credits nothing for an attendance under 60 % of the activity', async () => {
    h.clock.set(cst('2026-11-20T10:00:00'));
    await h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    h.clock.set(cst('2026-11-20T12:00:00'));
    const r = await h.call<RosterEntry>('volunteer', 'checkOut', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({ attendance: 'insufficient', hours: 0 });
  });

  test('lets organisers correct a time with a reason, audited, adjusting the total', async () => {
    h.clock.set(cst('2026-11-20T11:00:00'));
    await h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    h.clock.set(cst('2026-11-20T12:00:00'));
    const out = await h.call<RosterEntry>('volunteer', 'checkOut', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(out.ok && out.data.hours).toBe(0);
    const fix = await h.call<RosterEntry>(
      'volunteer',
      'checkIn',
      { activityId: ongoing, userId: vid(), at: cst('2026-11-20T08:05:00'), reason: '签到时网络故障，按纸质签到表更正' },
      'demo-rc',
    );
    expect(fix.ok && fix.data).toMatchObject({ attendance: 'attended', hours: 3.5 });
    const entries = await h.store.find<{ _id: string; detail: { corrected: boolean; reason: string; previous: string } }>('audit', {
      action: 'volunteer.checkIn',
    });
    expect(entries.map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ corrected: true, reason: '签到时网络故障，按纸质签到表更正', previous: '2026-11-20T03:00:00.000Z' }),
    );
    const records = await h.call<{ totalHours: number }>('volunteer', 'myRecords', {}, 'demo-volunteer');
    expect(records.ok && records.data.totalHours).toBe(5.5 + 3.5);
  });

  test('requires a reason to correct a time', async () => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid(), at: cst('2026-11-20T08:30:00') }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    expect(!r.ok && r.error.issues?.[0].path).toEqual(['reason']);
    expect(h.snapshot()).toEqual(before);
  });

  test.each([
    ['checking in someone not signed up', { userId: 'demo-resident' }, 'demo-rc', 'NOT_FOUND', 'NOT_SIGNED_UP'],
    ['a volunteer calling an organiser action', {}, 'demo-volunteer', 'FORBIDDEN', undefined],
    ['an owners-committee member calling it', {}, 'demo-oc', 'FORBIDDEN', undefined],
    ['an unknown activity', { activityId: 'act_none' }, 'demo-rc', 'NOT_FOUND', undefined],
    ['a check-in time in the future', { at: cst('2026-11-20T10:00:00'), reason: '提前登记' }, 'demo-rc', 'INVALID_STATE', 'TIME_IN_FUTURE'],
    [
      'a check-in far before the start',
      { at: cst('2026-11-20T06:00:00'), reason: '更正' },
      'demo-rc',
      'INVALID_STATE',
      'CHECK_IN_TOO_EARLY',
    ],
    ['a check-in already recorded', { userId: 'demo-oc' }, 'demo-rc', 'CONFLICT', 'ALREADY_CHECKED_IN'],
    [
      'a correction reason refused by the content check',
      { at: cst('2026-11-20T08:30:00'), reason: '赌博' },
      'demo-rc',
      'CONTENT_REJECTED',
      undefined,
    ],
  ])('answers %s with the right code, changing nothing', async (_name, patch, openid, code, reason) => {
    const data: Record<string, unknown> = { activityId: ongoing, userId: vid(), ...patch };
    const who = (patch as { userId?: string }).userId;
    if (who?.startsWith('demo-')) data.userId = h.userId(who);
    const before = h.snapshot();
    const r = await h.call('volunteer', 'checkIn', data, openid);
    expect(!r.ok && r.error.code).toBe(code);
    if (reason) expect(!r.ok && r.error.reason).toBe(reason);
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses to check in a waitlisted volunteer', async () => {
    h.clock.set(cst('2026-11-23T07:00:00'));
    const r = await h.call('volunteer', 'checkIn', { activityId: DEMO_ACTIVITIES.civility, userId: vid() }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'NOT_CONFIRMED' });
  });

  test.each([
    ['before check-in', {}, 'demo-volunteer', 'INVALID_STATE', 'NOT_CHECKED_IN'],
    [
      'at or before the check-in time',
      { at: cst('2026-11-20T08:00:00'), reason: '更正' },
      'demo-oc',
      'INVALID_STATE',
      'CHECK_OUT_BEFORE_CHECK_IN',
    ],
  ])('refuses a check-out %s, changing nothing', async (_name, patch, who, code, reason) => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'checkOut', { activityId: ongoing, userId: h.userId(who), ...patch }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code, reason });
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses a second check-out without a correction', async () => {
    await h.call('volunteer', 'checkOut', { activityId: ongoing, userId: h.userId('demo-oc') }, 'demo-rc');
    const r = await h.call('volunteer', 'checkOut', { activityId: ongoing, userId: h.userId('demo-oc') }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CHECKED_OUT' });
  });

  test('needs a corrected time to check in after the end', async () => {
    h.clock.set(cst('2026-11-20T13:00:00'));
    const plain = await h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(!plain.ok && plain.error.reason).toBe('ACTIVITY_ENDED');
    const fixed = await h.call(
      'volunteer',
      'checkIn',
      { activityId: ongoing, userId: vid(), at: cst('2026-11-20T08:00:00'), reason: '补登' },
      'demo-rc',
    );
    expect(fixed.ok).toBe(true);
  });
});

describe('volunteer.roster and revealPhone', () => {
  test('shows organisers the signups in order with masked phones and positions', async () => {
    const r = await h.call<{ items: RosterEntry[]; capacity: number }>(
      'volunteer',
      'roster',
      { activityId: DEMO_ACTIVITIES.civility },
      'demo-rc',
    );
    expect(r.ok && r.data.items.map((e) => [e.realName, e.status, e.position])).toEqual([
      ['张志强', 'confirmed', null],
      ['郑桂英', 'confirmed', null],
      ['冯国庆', 'waitlisted', 1],
      ['赵志远', 'waitlisted', 2],
    ]);
    expect(JSON.stringify(r.ok && r.data)).not.toMatch(/1[3-9]\d{9}/);
    expect(r.ok && r.data.items[0].phoneMasked).toBe('139****0004');
  });

  test('filters the roster by status', async () => {
    const r = await h.call<{ items: RosterEntry[] }>(
      'volunteer',
      'roster',
      { activityId: DEMO_ACTIVITIES.civility, status: 'waitlisted' },
      'demo-rc',
    );
    expect(r.ok && r.data.items.map((e) => e.realName)).toEqual(['冯国庆', '赵志远']);
  });

  test('shows a no-show after the end', async () => {
    const r = await h.call<{ items: RosterEntry[] }>('volunteer', 'roster', { activityId: DEMO_ACTIVITIES.pastClean }, 'demo-rc');
    expect(r.ok && r.data.items.map((e) => e.attendance)).toEqual(['attended', 'attended', 'no_show']);
  });

  test('forbids a volunteer from reading the roster', async () => {
    const r = await h.call('volunteer', 'roster', { activityId: DEMO_ACTIVITIES.civility }, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  test('reveals a full phone to an organiser and audits it', async () => {
    const r = await h.call<{ phone: string }>(
      'volunteer',
      'revealPhone',
      { activityId: DEMO_ACTIVITIES.civility, userId: h.userId('demo-oc') },
      'demo-rc',
    );
    expect(r.ok && r.data.phone).toBe('13907160004');
    expect(await h.store.count('audit', { action: 'volunteer.revealPhone' })).toBe(1);
  });

  test('refuses to reveal a phone to a volunteer, changing nothing', async () => {
    const before = h.snapshot();
    const r = await h.call(
      'volunteer',
      'revealPhone',
      { activityId: DEMO_ACTIVITIES.civility, userId: h.userId('demo-oc') },
      'demo-volunteer',
    );
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });
});

describe('volunteer.myRecords and mySignups', () => {
  test('gives the total hours and each record with the certificate fields', async () => {
    const r = await h.call<{ totalHours: number; records: ServiceRecord[]; volunteer: VolunteerProfile }>(
      'volunteer',
      'myRecords',
      {},
      'demo-volunteer',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.totalHours).toBe(5.5);
    expect(r.data.volunteer).toMatchObject({ realName: '赵志远', volunteerNo: 'ZY000001' });
    expect(r.data.records.map((x) => [x.title, x.date, x.hours])).toEqual([
      ['社区健康义诊引导', '2026-11-10', 3],
      ['万寿园小区环境整治', '2026-10-21', 2.5],
    ]);
    expect(r.data.records[0]).toMatchObject({
      volunteerName: '赵志远',
      volunteerNo: 'ZY000001',
      location: '红星社区广场',
      categoryLabel: '爱国卫生',
      organiser: { organisation: '红星社区居民委员会', personInCharge: '王秀兰', contact: '0716-8210300' },
    });
    expect(r.data.records[0].content).toContain('义诊');
  });

  test('forbids records to a user who is not a volunteer', async () => {
    const r = await h.call('volunteer', 'myRecords', {}, 'demo-resident');
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_VOLUNTEER' });
  });

  test("lists the volunteer's signups, latest activity first", async () => {
    const r = await h.call<{ items: Array<{ activityId: string; status: string; attendance: string }> }>(
      'volunteer',
      'mySignups',
      {},
      'demo-volunteer',
    );
    expect(r.ok && r.data.items.map((s) => [s.activityId, s.status])).toEqual([
      [DEMO_ACTIVITIES.civility, 'waitlisted'],
      [DEMO_ACTIVITIES.cleanup, 'confirmed'],
      [DEMO_ACTIVITIES.ongoing, 'confirmed'],
      [DEMO_ACTIVITIES.pastHealth, 'confirmed'],
      [DEMO_ACTIVITIES.pastClean, 'confirmed'],
    ]);
  });
});

describe('volunteer.cancelActivity', () => {
  test('cancels, releases every signup and notifies each volunteer once', async () => {
    const r = await h.call<ActivityDetail>(
      'volunteer',
      'cancelActivity',
      { activityId: DEMO_ACTIVITIES.civility, reason: '暴雨预警' },
      'demo-rc',
    );
    expect(r.ok && r.data).toMatchObject({
      status: 'cancelled',
      phase: 'cancelled',
      cancelReason: '暴雨预警',
      confirmedCount: 0,
      waitlistCount: 0,
    });
    const sent = await outbox('activity_cancelled');
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((n) => n.userId)).size).toBe(4);
    const stored = await h.store.find<SignupDoc>('signups', { activityId: DEMO_ACTIVITIES.civility });
    expect(stored.every((s) => s.status === 'cancelled' && s.cancelledBy === 'activity_cancelled')).toBe(true);
    expect(await h.store.count('audit', { action: 'volunteer.cancelActivity' })).toBe(1);
    // Running the scheduler afterwards sends nothing again.
    await h.deps.store.update('activities', DEMO_ACTIVITIES.civility, { $set: { cancelCleanupDone: false } });
    const { volunteerTick } = await import('../../cloudfunctions/core/app/volunteer/scheduler');
    await volunteerTick(h.deps);
    expect(await outbox('activity_cancelled')).toHaveLength(4);
  });

  test('frees the volunteers confirmed for it to join an overlapping activity', async () => {
    await h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.cleanup, reason: '场地冲突' }, 'demo-rc');
    const clash = await createActivity({ startAt: cst('2026-11-22T10:00:00'), endAt: cst('2026-11-22T11:00:00') });
    expect((await signup(clash.activityId, 'demo-volunteer')).ok).toBe(true);
  });

  test.each([
    ['a volunteer', DEMO_ACTIVITIES.civility, 'demo-volunteer', 'FORBIDDEN'],
    ['property staff', DEMO_ACTIVITIES.civility, 'demo-property', 'FORBIDDEN'],
    ['anyone, for an ended activity', DEMO_ACTIVITIES.pastHealth, 'demo-rc', 'INVALID_STATE'],
    ['anyone, for an unknown activity', 'act_none', 'demo-rc', 'NOT_FOUND'],
  ])('refuses %s, changing nothing', async (_name, activityId, openid, code) => {
    const before = h.snapshot();
    const r = await h.call('volunteer', 'cancelActivity', { activityId, reason: '临时取消' }, openid);
    expect(!r.ok && r.error.code).toBe(code);
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses to cancel twice', async () => {
    await h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.counseling, reason: '临时取消' }, 'demo-rc');
    const r = await h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.counseling, reason: '临时取消' }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'ACTIVITY_CANCELLED' });
  });

  test('requires a reason', async () => {
    const r = await h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.counseling }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  });
});

describe('community.stats volunteer figures', () => {
  test('counts registered volunteers against the 15 % target and the hours this month and year by category', async () => {
    const r = await h.call<{
      volunteers: number;
      volunteerRatio: number;
      volunteerTarget: number;
      volunteerHours: { thisMonth: number; thisYear: number; byCategory: Record<string, number> };
    }>('community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({
      volunteers: 6,
      volunteerRatio: 0.05,
      volunteerTarget: 0.15,
      // November: the health fair (3 h); October: the clean-up (2.5 h + 3 h).
      volunteerHours: { thisMonth: 3, thisYear: 8.5, byCategory: { patriotic_health: 3, environment: 5.5 } },
    });
  });
});
