import type { SignupDoc } from '../../../cloudfunctions/core/app/volunteer/model';
import type { ActivityDetail, VolunteerProfile } from '../../../cloudfunctions/core/app/volunteer/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { DEMO_ACTIVITIES } from '../../../cloudfunctions/core/seed/volunteer';
import { cst, useVolunteerHarness } from './support';

const v = useVolunteerHarness();
const { activityInput, createActivity, signup, detail, outbox } = v;

describe('volunteer.register', () => {
  test('gives a registered resident a profile with a new volunteer number', async () => {
    const r = await v.h.call<VolunteerProfile>(
      'volunteer',
      'register',
      { realName: '陈玉珍', phone: '13907160006', skills: ['做饭', '做饭', '急救'] },
      'demo-resident',
    );
    expect(r.ok && r.data).toMatchObject({
      realName: '陈玉珍',
      volunteerNo: 'ZY000008',
      skills: ['做饭', '急救'],
      totalHours: 0,
      communityId: DEMO.communityId,
    });
    const profile = await v.h.call<VolunteerProfile | null>('volunteer', 'profile', {}, 'demo-resident');
    expect(profile.ok && profile.data?.volunteerNo).toBe('ZY000008');
    expect(await v.h.store.count('audit', { action: 'volunteer.register' })).toBe(1);
  });

  test('lets a pending (registered, not yet approved) user register as a volunteer', async () => {
    const r = await v.h.call('volunteer', 'register', { realName: '何小燕', phone: '13907160013' }, 'demo-pending');
    expect(r.ok).toBe(true);
  });

  test('answers profile null for a user who is not a volunteer', async () => {
    expect(await v.h.call('volunteer', 'profile', {}, 'demo-resident')).toEqual({ ok: true, data: null });
  });

  test('refuses a second registration with CONFLICT and changes nothing', async () => {
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'register', { realName: '赵志远', phone: '13907160007' }, 'demo-volunteer');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_VOLUNTEER' });
    expect(v.h.snapshot()).toEqual(before);
  });

  test('issues distinct numbers to concurrent registrations', async () => {
    const callers = ['demo-resident', 'demo-pending', 'demo-rc', 'demo-party', 'demo-property'];
    const results = await Promise.all(
      callers.map((o) => v.h.call<VolunteerProfile>('volunteer', 'register', { realName: '某某', phone: '13800000000' }, o)),
    );
    const numbers = results.map((r) => (r.ok ? r.data.volunteerNo : r.error.code));
    expect(new Set(numbers).size).toBe(5);
    expect(numbers.every((n) => /^ZY0000(0[89]|1[0-2])$/.test(n))).toBe(true);
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
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'register', data, openid);
    expect(!r.ok && r.error.code).toBe(code);
    expect(v.h.snapshot()).toEqual(before);
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
    expect(await v.h.store.count('audit', { action: 'volunteer.createActivity', targetId: a.activityId })).toBe(1);
  });

  test('lets the party organisation publish, named as the organiser', async () => {
    const a = await createActivity({ contactName: '李书记', contactPhone: '0716-8210003' }, 'demo-party');
    expect(a.organiser).toEqual({ organisation: '中共红星社区委员会', personInCharge: '李书记', contact: '0716-8210003' });
  });

  test('creates one activity for a retried call with the same clientToken', async () => {
    const data = { ...activityInput, clientToken: 'create-token-1' };
    const [r1, r2] = await Promise.all([
      v.h.call('volunteer', 'createActivity', data, 'demo-rc'),
      v.h.call('volunteer', 'createActivity', data, 'demo-rc'),
    ]);
    expect(r1).toEqual(r2);
    expect(await v.h.store.count('activities', { title: activityInput.title })).toBe(1);
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
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'createActivity', { ...activityInput, ...patch }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    if (!r.ok && field) expect(r.error.issues?.some((i) => i.path[0] === field)).toBe(true);
    expect(v.h.snapshot()).toEqual(before);
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
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'createActivity', { ...activityInput, communityId }, openid);
    expect(!r.ok && r.error.code).toBe(code);
    expect(v.h.snapshot()).toEqual(before);
  });

  test('rejects a description refused by the content check, storing nothing', async () => {
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'createActivity', { ...activityInput, description: '组织赌博活动' }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('CONTENT_REJECTED');
    expect(v.h.snapshot()).toEqual(before);
  });
});

describe('volunteer.listActivities and getActivity', () => {
  test('lists upcoming activities soonest first, including the one under way', async () => {
    const r = await v.h.call<{ items: Array<{ activityId: string; startAt: string }>; nextCursor: string | null }>(
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
    const r = await v.h.call<{ items: Array<{ activityId: string }> }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      when: 'past',
    });
    expect(r.ok && r.data.items.map((a) => a.activityId)).toEqual([DEMO_ACTIVITIES.pastHealth, DEMO_ACTIVITIES.pastClean]);
  });

  test('filters by category', async () => {
    const r = await v.h.call<{ items: Array<{ category: string }> }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      category: 'civility',
    });
    expect(r.ok && r.data.items.map((a) => a.category)).toEqual(['civility']);
  });

  test('pages with a cursor without repeating an activity', async () => {
    const first = await v.h.call<{ items: Array<{ activityId: string }>; nextCursor: string }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      limit: 3,
    });
    const second = await v.h.call<{ items: Array<{ activityId: string }>; nextCursor: string | null }>('volunteer', 'listActivities', {
      communityId: DEMO.communityId,
      limit: 3,
      cursor: first.ok ? first.data.nextCursor : '',
    });
    expect(first.ok && first.data.items).toHaveLength(3);
    expect(second.ok && second.data.items).toHaveLength(2);
    expect(second.ok && second.data.nextCursor).toBeNull();
  });

  test('shows seats left and the waitlist on each card', async () => {
    const r = await v.h.call<{ items: Array<{ activityId: string; seatsLeft: number; waitlistCount: number }> }>(
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
    const r = await v.h.call('volunteer', 'getActivity', { activityId: 'act_none' }, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});

describe('volunteer.cancelActivity', () => {
  test('cancels, releases every signup and notifies each volunteer once', async () => {
    const r = await v.h.call<ActivityDetail>(
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
    const stored = await v.h.store.find<SignupDoc>('signups', { activityId: DEMO_ACTIVITIES.civility });
    expect(stored.every((s) => s.status === 'cancelled' && s.cancelledBy === 'activity_cancelled')).toBe(true);
    expect(await v.h.store.count('audit', { action: 'volunteer.cancelActivity' })).toBe(1);
    // Running the scheduler afterwards sends nothing again.
    await v.h.deps.store.update('activities', DEMO_ACTIVITIES.civility, { $set: { cancelCleanupDone: false } });
    const { volunteerTick } = await import('../../../cloudfunctions/core/app/volunteer/scheduler');
    await volunteerTick(v.h.deps);
    expect(await outbox('activity_cancelled')).toHaveLength(4);
  });

  test('frees the volunteers confirmed for it to join an overlapping activity', async () => {
    await v.h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.cleanup, reason: '场地冲突' }, 'demo-rc');
    const clash = await createActivity({ startAt: cst('2026-11-22T10:00:00'), endAt: cst('2026-11-22T11:00:00') });
    expect((await signup(clash.activityId, 'demo-volunteer')).ok).toBe(true);
  });

  test.each([
    ['a volunteer', DEMO_ACTIVITIES.civility, 'demo-volunteer', 'FORBIDDEN'],
    ['property staff', DEMO_ACTIVITIES.civility, 'demo-property', 'FORBIDDEN'],
    ['anyone, for an ended activity', DEMO_ACTIVITIES.pastHealth, 'demo-rc', 'INVALID_STATE'],
    ['anyone, for an unknown activity', 'act_none', 'demo-rc', 'NOT_FOUND'],
  ])('refuses %s, changing nothing', async (_name, activityId, openid, code) => {
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'cancelActivity', { activityId, reason: '临时取消' }, openid);
    expect(!r.ok && r.error.code).toBe(code);
    expect(v.h.snapshot()).toEqual(before);
  });

  test('refuses to cancel twice', async () => {
    await v.h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.counseling, reason: '临时取消' }, 'demo-rc');
    const r = await v.h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.counseling, reason: '临时取消' }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_STATE', reason: 'ACTIVITY_CANCELLED' });
  });

  test('requires a reason', async () => {
    const r = await v.h.call('volunteer', 'cancelActivity', { activityId: DEMO_ACTIVITIES.counseling }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  });
});

describe('community.stats volunteer figures', () => {
  test('counts registered volunteers against the 15 % target and the hours this month and year by category', async () => {
    const r = await v.h.call<{
      volunteers: number;
      volunteerRatio: number;
      volunteerTarget: number;
      volunteerHours: { thisMonth: number; thisYear: number; byCategory: Record<string, number> };
    }>('community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({
      // Six of the seven approved residents have a volunteer profile.
      volunteers: 6,
      volunteerRatio: 0.8571,
      volunteerTarget: 0.15,
      // November: the health fair (3 h); October: the clean-up (2.5 h + 3 h).
      volunteerHours: { thisMonth: 3, thisYear: 8.5, byCategory: { patriotic_health: 3, environment: 5.5 } },
    });
  });

  test('counts approved residents only, on both sides of the ratio', async () => {
    const figures = async () => {
      const r = await v.h.call<{ volunteers: number; residents: number; volunteerRatio: number; volunteerRatioBase: number }>(
        'community',
        'stats',
        { communityId: DEMO.communityId },
        'demo-rc',
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return [r.data.volunteers, r.data.residents, r.data.volunteerRatioBase, r.data.volunteerRatio];
    };
    expect(await figures()).toEqual([6, 7, 7, 0.8571]);
    // A pending registration with a volunteer profile counts on neither side…
    expect((await v.h.call('volunteer', 'register', { realName: '何小燕', phone: '13907160013' }, 'demo-pending')).ok).toBe(true);
    expect(await figures()).toEqual([6, 7, 7, 0.8571]);
    // …until approved, when it counts on both.
    expect((await v.h.call('account', 'approve', { userId: v.h.userId('demo-pending') }, 'demo-rc')).ok).toBe(true);
    expect(await figures()).toEqual([7, 8, 8, 0.875]);
  });
});
