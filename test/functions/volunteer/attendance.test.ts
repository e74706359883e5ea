import type { RosterEntry, ServiceRecord, VolunteerProfile } from '../../../cloudfunctions/core/app/volunteer/views';
import { DEMO_ACTIVITIES } from '../../../cloudfunctions/core/seed/volunteer';
import { cst, useVolunteerHarness } from './support';

const v = useVolunteerHarness();

describe('volunteer.checkIn and checkOut', () => {
  const ongoing = DEMO_ACTIVITIES.ongoing; // 08:00–12:00 today
  const vid = () => v.h.userId('demo-volunteer');

  test('records check-in and check-out and credits hours clipped to the window', async () => {
    v.h.clock.set(cst('2026-11-20T09:10:00'));
    const inR = await v.h.call<RosterEntry>('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(inR.ok && inR.data).toMatchObject({ attendance: 'checked_in', checkInAt: '2026-11-20T01:10:00.000Z' });
    v.h.clock.set(cst('2026-11-20T12:40:00'));
    const outR = await v.h.call<RosterEntry>('volunteer', 'checkOut', { activityId: ongoing, userId: vid() }, 'demo-rc');
    // 09:10–12:00 inside the window: 2 h 50 min of 4 h (71 %) → 2.5 v.h.
    expect(outR.ok && outR.data).toMatchObject({ attendance: 'attended', hours: 2.5 });
    const records = await v.h.call<{ totalHours: number }>('volunteer', 'myRecords', {}, 'demo-volunteer');
    expect(records.ok && records.data.totalHours).toBe(8);
  });

  test('credits nothing for an attendance under 60 % of the activity', async () => {
    v.h.clock.set(cst('2026-11-20T10:00:00'));
    await v.h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    v.h.clock.set(cst('2026-11-20T12:00:00'));
    const r = await v.h.call<RosterEntry>('volunteer', 'checkOut', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({ attendance: 'insufficient', hours: 0 });
  });

  test('lets organisers correct a time with a reason, audited, adjusting the total', async () => {
    v.h.clock.set(cst('2026-11-20T11:00:00'));
    await v.h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    v.h.clock.set(cst('2026-11-20T12:00:00'));
    const out = await v.h.call<RosterEntry>('volunteer', 'checkOut', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(out.ok && out.data.hours).toBe(0);
    const fix = await v.h.call<RosterEntry>(
      'volunteer',
      'checkIn',
      { activityId: ongoing, userId: vid(), at: cst('2026-11-20T08:05:00'), reason: '签到时网络故障，按纸质签到表更正' },
      'demo-rc',
    );
    expect(fix.ok && fix.data).toMatchObject({ attendance: 'attended', hours: 3.5 });
    const entries = await v.h.store.find<{ _id: string; detail: { corrected: boolean; reason: string; previous: string } }>('audit', {
      action: 'volunteer.checkIn',
    });
    expect(entries.map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ corrected: true, reason: '签到时网络故障，按纸质签到表更正', previous: '2026-11-20T03:00:00.000Z' }),
    );
    const records = await v.h.call<{ totalHours: number }>('volunteer', 'myRecords', {}, 'demo-volunteer');
    expect(records.ok && records.data.totalHours).toBe(5.5 + 3.5);
  });

  test('requires a reason to correct a time', async () => {
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid(), at: cst('2026-11-20T08:30:00') }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    expect(!r.ok && r.error.issues?.[0].path).toEqual(['reason']);
    expect(v.h.snapshot()).toEqual(before);
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
    if (who?.startsWith('demo-')) data.userId = v.h.userId(who);
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'checkIn', data, openid);
    expect(!r.ok && r.error.code).toBe(code);
    if (reason) expect(!r.ok && r.error.reason).toBe(reason);
    expect(v.h.snapshot()).toEqual(before);
  });

  test('refuses to check in a waitlisted volunteer', async () => {
    v.h.clock.set(cst('2026-11-23T07:00:00'));
    const r = await v.h.call('volunteer', 'checkIn', { activityId: DEMO_ACTIVITIES.civility, userId: vid() }, 'demo-rc');
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
    const before = v.h.snapshot();
    const r = await v.h.call('volunteer', 'checkOut', { activityId: ongoing, userId: v.h.userId(who), ...patch }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code, reason });
    expect(v.h.snapshot()).toEqual(before);
  });

  test('refuses a second check-out without a correction', async () => {
    await v.h.call('volunteer', 'checkOut', { activityId: ongoing, userId: v.h.userId('demo-oc') }, 'demo-rc');
    const r = await v.h.call('volunteer', 'checkOut', { activityId: ongoing, userId: v.h.userId('demo-oc') }, 'demo-rc');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CHECKED_OUT' });
  });

  test('needs a corrected time to check in after the end', async () => {
    v.h.clock.set(cst('2026-11-20T13:00:00'));
    const plain = await v.h.call('volunteer', 'checkIn', { activityId: ongoing, userId: vid() }, 'demo-rc');
    expect(!plain.ok && plain.error.reason).toBe('ACTIVITY_ENDED');
    const fixed = await v.h.call(
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
    const r = await v.h.call<{ items: RosterEntry[]; capacity: number }>(
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
    const r = await v.h.call<{ items: RosterEntry[] }>(
      'volunteer',
      'roster',
      { activityId: DEMO_ACTIVITIES.civility, status: 'waitlisted' },
      'demo-rc',
    );
    expect(r.ok && r.data.items.map((e) => e.realName)).toEqual(['冯国庆', '赵志远']);
  });

  test('shows a no-show after the end', async () => {
    const r = await v.h.call<{ items: RosterEntry[] }>('volunteer', 'roster', { activityId: DEMO_ACTIVITIES.pastClean }, 'demo-rc');
    expect(r.ok && r.data.items.map((e) => e.attendance)).toEqual(['attended', 'attended', 'no_show']);
  });

  test('forbids a volunteer from reading the roster', async () => {
    const r = await v.h.call('volunteer', 'roster', { activityId: DEMO_ACTIVITIES.civility }, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  test('reveals a full phone to an organiser and audits it', async () => {
    const r = await v.h.call<{ phone: string }>(
      'volunteer',
      'revealPhone',
      { activityId: DEMO_ACTIVITIES.civility, userId: v.h.userId('demo-oc') },
      'demo-rc',
    );
    expect(r.ok && r.data.phone).toBe('13907160004');
    expect(await v.h.store.count('audit', { action: 'volunteer.revealPhone' })).toBe(1);
  });

  test('refuses to reveal a phone to a volunteer, changing nothing', async () => {
    const before = v.h.snapshot();
    const r = await v.h.call(
      'volunteer',
      'revealPhone',
      { activityId: DEMO_ACTIVITIES.civility, userId: v.h.userId('demo-oc') },
      'demo-volunteer',
    );
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(v.h.snapshot()).toEqual(before);
  });
});

describe('volunteer.myRecords and mySignups', () => {
  test('gives the total hours and each record with the certificate fields', async () => {
    const r = await v.h.call<{ totalHours: number; records: ServiceRecord[]; volunteer: VolunteerProfile }>(
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
    const r = await v.h.call('volunteer', 'myRecords', {}, 'demo-resident');
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_VOLUNTEER' });
  });

  test("lists the volunteer's signups, latest activity first", async () => {
    const r = await v.h.call<{ items: Array<{ activityId: string; status: string; attendance: string }> }>(
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
