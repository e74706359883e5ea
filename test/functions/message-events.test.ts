/**
 * Each event of RULES.md §8 reaches the right people exactly once — the triggering call sent twice
 * at the same time (a client retry racing the first) and the scheduler tick run twice at once —
 * and each message opens what it is about.
 */
import { OUTBOX, type OutboxEntry } from '../../cloudfunctions/core/app/messages/message';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { createActivity, must, submitRequest } from '../support/action-samples';
import { makeHarness, type Harness } from '../support/harness';
import { whole } from '../../cloudfunctions/core/ports/store';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const H = 3_600_000;

/** userId → how many messages of `template` (about `about`, when given) each person got. */
async function received(template: string, about?: string): Promise<Record<string, number>> {
  const rows = await h.store.find<OutboxEntry>(OUTBOX, { template }, { limit: whole(1000) });
  const out: Record<string, number> = {};
  for (const m of rows) if (!about || m.link?.includes(about)) out[m.userId] = (out[m.userId] ?? 0) + 1;
  return out;
}
const once = (...openids: string[]) => Object.fromEntries(openids.map((o) => [h.userId(o), 1]));
const twice = <T>(f: () => Promise<T>) => Promise.all([f(), f()]);

test('registration approved → the applicant, once, opening 我的', async () => {
  const applicant = h.userId('demo-pending');
  await twice(() => h.call('account', 'approve', { userId: applicant }, 'demo-rc'));
  const got = await h.store.find<OutboxEntry>(OUTBOX, { template: 'account_approved', userId: applicant });
  expect(got).toHaveLength(1);
  expect(got[0].link).toBe('/pages/mine/index');
});

test('request accepted → the submitter (progress) and the handling parties (new work), once each', async () => {
  const requestId = await submitRequest(h);
  await twice(() => h.call('requests', 'accept', { requestId, leadParty: 'property', coHandlers: ['owners_committee'] }, 'demo-rc'));
  expect(await received('request_status', requestId)).toEqual(once('demo-resident'));
  expect(await received('request_assigned', requestId)).toEqual(once('demo-property', 'demo-oc', 'demo-oc2'));
  const [m] = await h.store.find<OutboxEntry>(OUTBOX, {
    template: 'request_status',
    _id: { $gte: `rq:${requestId}:`, $lt: `rq:${requestId};` },
  });
  expect(m.link).toBe(`/pages/requests/detail/index?requestId=${requestId}`);
});

test('major matter accepted → a decision is needed from the three parties, once each', async () => {
  const requestId = await submitRequest(h, {
    category: 'facilities',
    title: '更换小区路灯',
    description: '主干道路灯老化，建议整体更换。',
  });
  await twice(() => h.call('requests', 'accept', { requestId, leadParty: 'property', major: true }, 'demo-rc'));
  const got = await received('request_decision_needed', requestId);
  expect(got).toMatchObject(once('demo-property', 'demo-oc'));
  expect(Object.values(got).every((n) => n === 1)).toBe(true);
  expect(got[h.userId('demo-rc')]).toBeUndefined(); // the one who accepted is not told
});

test('request resolved → the submitter and its followers, once each', async () => {
  const requestId = await submitRequest(h, { isPublic: true });
  await must(h, 'requests', 'follow', { requestId }, 'demo-volunteer');
  await must(h, 'requests', 'accept', { requestId, leadParty: 'property' }, 'demo-rc');
  await must(h, 'requests', 'update', { requestId, status: 'in_progress', note: '已安排人员' }, 'demo-property');
  await twice(() => h.call('requests', 'update', { requestId, status: 'resolved', note: '已清理完毕' }, 'demo-property'));
  const statuses = await h.store.find<OutboxEntry>(OUTBOX, { template: 'request_status', userId: h.userId('demo-resident') });
  expect(statuses.filter((m) => m.data.status === '已办结' && m.link?.includes(requestId))).toHaveLength(1);
  expect(await received('request_followed_resolved', requestId)).toEqual(once('demo-volunteer'));
});

test('request overdue → the lead party and the party organisation, once each', async () => {
  const requestId = await submitRequest(h, { category: 'safety', title: '燃气管道漏气', description: '4栋楼下闻到燃气味' });
  await must(h, 'requests', 'accept', { requestId, leadParty: 'property', tier: 'emergency' }, 'demo-rc');
  h.clock.advance(3 * H);
  await twice(() => tick(h.deps));
  await tick(h.deps);
  expect(await received('request_escalated', requestId)).toEqual(once('demo-property', 'demo-party'));
});

test('waitlist promotion → the promoted volunteer, once', async () => {
  const activityId = await createActivity(h, { capacity: 1 });
  await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
  await must(h, 'volunteer', 'signup', { activityId }, 'demo-resident2');
  await twice(() => h.call('volunteer', 'cancel', { activityId }, 'demo-volunteer'));
  expect(await received('volunteer_promoted', activityId)).toEqual(once('demo-resident2'));
});

test('activity reminders → each confirmed volunteer, once per round', async () => {
  const activityId = await createActivity(h);
  await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
  await must(h, 'volunteer', 'signup', { activityId }, 'demo-resident2');
  h.clock.set('2026-11-27T15:00:00+08:00'); // within 24 h of the start
  await twice(() => tick(h.deps));
  expect(await received('activity_reminder', activityId)).toEqual(once('demo-volunteer', 'demo-resident2'));
});

test('activity cancelled → everyone signed up, once', async () => {
  const activityId = await createActivity(h, { capacity: 1 });
  await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
  await must(h, 'volunteer', 'signup', { activityId }, 'demo-resident2');
  await twice(() => h.call('volunteer', 'cancelActivity', { activityId, reason: '天气原因，活动改期' }, 'demo-rc'));
  await twice(() => tick(h.deps));
  expect(await received('activity_cancelled', activityId)).toEqual(once('demo-volunteer', 'demo-resident2'));
});

test('every message of these events is shown in the centre of its recipient, unread', async () => {
  await must(h, 'account', 'approve', { userId: h.userId('demo-pending') }, 'demo-rc');
  const r = await must<{ items: Array<{ kind: string; title: string; read: boolean; link: string }> }>(
    h,
    'messages',
    'list',
    {},
    'demo-pending',
  );
  expect(r.items).toEqual([
    expect.objectContaining({ kind: 'account_approved', title: '注册审核通过', read: false, link: '/pages/mine/index' }),
  ]);
});
