import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/core/app/volunteer/model';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const cst = (local: string) => `${local}+08:00`;
const reminders = (activityId: string) =>
  h.store
    .find<{ _id: string; userId: string }>('outbox', { template: 'activity_reminder' })
    .then((rows) => rows.filter((r) => r._id.includes(activityId)));

describe('activity reminders', () => {
  test('sends the 24 h reminder to each confirmed volunteer exactly once', async () => {
    h.clock.set(cst('2026-11-21T10:00:00')); // the clean-up starts 2026-11-22 09:00
    await tick(h.deps);
    await tick(h.deps);
    const sent = await reminders(DEMO_ACTIVITIES.cleanup);
    expect(sent.map((n) => n._id.split(':')[0]).sort()).toEqual(['vol-remind-h24', 'vol-remind-h24']);
    expect(sent.map((n) => n.userId).sort()).toEqual([h.userId('demo-volunteer'), h.userId('demo-oc2')].sort());
  });

  test('sends the 2 h reminder once, after the 24 h one', async () => {
    h.clock.set(cst('2026-11-21T10:00:00'));
    await tick(h.deps);
    h.clock.set(cst('2026-11-22T07:10:00'));
    await tick(h.deps);
    h.clock.set(cst('2026-11-22T07:20:00'));
    await tick(h.deps);
    const sent = await reminders(DEMO_ACTIVITIES.cleanup);
    expect(sent).toHaveLength(4);
    expect(sent.filter((n) => n._id.startsWith('vol-remind-h2:'))).toHaveLength(2);
  });

  test('sends only the 2 h reminder when first reached within 2 h of the start', async () => {
    h.clock.set(cst('2026-11-22T08:00:00'));
    await tick(h.deps);
    const sent = await reminders(DEMO_ACTIVITIES.cleanup);
    expect(sent.map((n) => n._id.split(':')[0])).toEqual(['vol-remind-h2', 'vol-remind-h2']);
    const a = await h.store.get<ActivityDoc>('activities', DEMO_ACTIVITIES.cleanup);
    expect(a?.reminders).toEqual({ h2: expect.any(String), h24: 'skipped' });
  });

  test('reminds no waitlisted or cancelled volunteer', async () => {
    h.clock.set(cst('2026-11-22T10:00:00')); // civility starts 2026-11-23 07:00
    await tick(h.deps);
    const sent = await reminders(DEMO_ACTIVITIES.civility);
    expect(sent.map((n) => n.userId).sort()).toEqual([h.userId('demo-oc'), h.userId('demo-resident2')].sort());
  });

  test('sends no reminder for an activity more than 24 h away', async () => {
    await tick(h.deps);
    expect(await reminders(DEMO_ACTIVITIES.counseling)).toHaveLength(0);
  });
});

describe('finishing activities', () => {
  test('marks confirmed volunteers never checked in as no-show and the activity finished', async () => {
    h.clock.set(cst('2026-11-20T12:00:00'));
    const counts = await tick(h.deps);
    expect(counts.volunteer).toBeGreaterThan(0);
    const a = await h.store.get<ActivityDoc>('activities', DEMO_ACTIVITIES.ongoing);
    expect(a?.status).toBe('finished');
    const rows = await h.store.find<SignupDoc>('signups', { activityId: DEMO_ACTIVITIES.ongoing });
    const by = Object.fromEntries(rows.map((s) => [s.userId, s.attendance]));
    expect(by[h.userId('demo-volunteer')]).toBe('no_show');
    expect(by[h.userId('demo-oc3')]).toBe('no_show');
    expect(by[h.userId('demo-oc')]).toBe('checked_in');
  });

  test('changes nothing on a second run', async () => {
    h.clock.set(cst('2026-11-20T12:00:00'));
    await tick(h.deps);
    const before = h.snapshot();
    const counts = await tick(h.deps);
    expect(counts.volunteer).toBe(0);
    expect(h.snapshot()).toEqual(before);
  });

  test('leaves an activity under way alone', async () => {
    h.clock.set(cst('2026-11-20T11:59:00'));
    await tick(h.deps);
    expect((await h.store.get<ActivityDoc>('activities', DEMO_ACTIVITIES.ongoing))?.status).toBe('open');
  });
});

describe('interrupted cancellations', () => {
  test('releases and notifies the signups of a cancellation that stopped half-way', async () => {
    // As if the process died right after marking the activity cancelled.
    await h.store.update('activities', DEMO_ACTIVITIES.civility, {
      $set: { status: 'cancelled', cancelReason: '暴雨', cancelCleanupDone: false },
    });
    await tick(h.deps);
    const rows = await h.store.find<SignupDoc>('signups', { activityId: DEMO_ACTIVITIES.civility });
    expect(rows.every((s) => s.status === 'cancelled')).toBe(true);
    expect(await h.store.count('outbox', { template: 'activity_cancelled' })).toBe(4);
    const a = await h.store.get<ActivityDoc>('activities', DEMO_ACTIVITIES.civility);
    expect(a).toMatchObject({ cancelCleanupDone: true, confirmedCount: 0, waitlistCount: 0 });
    await tick(h.deps);
    expect(await h.store.count('outbox', { template: 'activity_cancelled' })).toBe(4);
  });
});

test('uses indexes for the scheduler and list queries', () => {
  const plan = h.store.explain('activities', { communityId: DEMO.communityId, endAt: { $gt: 'x' } }, { orderBy: [['startAt', 'asc']] });
  expect(plan).toMatch(/USING INDEX activities__community_start/);
  expect(h.store.explain('activities', { status: 'open', endAt: { $lte: 'x' } })).toMatch(/USING INDEX activities__status_end/);
  expect(h.store.explain('signups', { activityId: 'a', status: 'confirmed' }, { orderBy: [['seq', 'asc']] })).toMatch(
    /USING INDEX signups__activity_status_seq/,
  );
  expect(h.store.explain('signups', { userId: 'u', attendance: 'attended' }, { orderBy: [['startAt', 'desc']] })).toMatch(
    /USING INDEX signups__user_attendance_start/,
  );
});
