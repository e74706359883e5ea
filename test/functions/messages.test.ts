/** The message centre (API.md §6 `messages`): newest first, unread count, read marks, expiry, subscriptions. */
import { OutboxNotifier } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { messagesTick } from '../../cloudfunctions/core/app/messages/scheduler';
import { acceptancesLeft } from '../../cloudfunctions/core/app/messages/subscriptions';
import { OUTBOX } from '../../cloudfunctions/core/app/messages/message';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const DAY = 24 * 3_600_000;
interface Item {
  messageId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
}

async function must<T>(action: string, data: Record<string, unknown>, openid: string): Promise<T> {
  const r = await h.call<T>('messages', action, data, openid);
  if (!r.ok) throw new Error(`${action}: ${JSON.stringify(r.error)}`);
  return r.data;
}
const message = (key: string, openid: string, title: string) =>
  h.deps.notifier.send({
    key,
    userId: h.userId(openid),
    template: 'activity_reminder',
    data: { title, time: '2026-11-28T06:00:00.000Z', location: '江津花园东门', note: '活动将于 24 小时内开始' },
    link: '/pages/volunteer/activity/index?activityId=a1',
  });

test('lists the caller’s own messages newest first, page by page, with title, body and link', async () => {
  for (let i = 1; i <= 3; i++) {
    await message(`m${i}`, 'demo-oc', `活动${i}`);
    h.clock.advance(60_000);
  }
  await message('other', 'demo-property', '别人的');
  const first = await must<{ items: Item[]; nextCursor: string | null }>('list', { limit: 2 }, 'demo-oc');
  expect(first.items.map((m) => m.messageId)).toEqual(['m3', 'm2']);
  const rest = await must<{ items: Item[]; nextCursor: string | null }>('list', { limit: 2, cursor: first.nextCursor }, 'demo-oc');
  expect(rest).toMatchObject({ items: [{ messageId: 'm1' }], nextCursor: null });
  expect(first.items[0]).toMatchObject({
    kind: 'activity_reminder',
    title: '活动即将开始',
    body: '活动名称：活动3\n活动时间：2026-11-28 14:00\n活动地点：江津花园东门\n温馨提示：活动将于 24 小时内开始',
    link: '/pages/volunteer/activity/index?activityId=a1',
    read: false,
  });
});

test('counts unread messages; marks some or all read, never another person’s', async () => {
  await message('a', 'demo-oc', '一');
  await message('b', 'demo-oc', '二');
  await message('c', 'demo-property', '三');
  expect(await must('unread', {}, 'demo-oc')).toEqual({ count: 2 });
  expect(await must('markRead', { messageIds: ['a', 'c'] }, 'demo-oc')).toEqual({ marked: 1 });
  expect(await must('unread', {}, 'demo-oc')).toEqual({ count: 1 });
  expect(await must('unread', {}, 'demo-property')).toEqual({ count: 1 });
  expect(await must('markRead', {}, 'demo-oc')).toEqual({ marked: 1 });
  expect(await must('unread', {}, 'demo-oc')).toEqual({ count: 0 });
});

test('messages expire after 90 days: hidden from the list and the count, then deleted by the scheduler', async () => {
  await message('old', 'demo-oc', '旧');
  h.clock.advance(90 * DAY - 60_000);
  expect(await must('unread', {}, 'demo-oc')).toEqual({ count: 1 });
  h.clock.advance(60_000);
  expect(await must('unread', {}, 'demo-oc')).toEqual({ count: 0 });
  expect(await must<{ items: Item[] }>('list', {}, 'demo-oc')).toMatchObject({ items: [] });
  expect(await messagesTick(h.deps)).toBeGreaterThanOrEqual(1);
  expect(await h.store.count(OUTBOX, { userId: h.userId('demo-oc') })).toBe(0);
});

test('the retention is configurable', async () => {
  h.deps.notifier = new OutboxNotifier(h.store, h.clock, 7);
  await message('short', 'demo-oc', '短');
  h.clock.advance(7 * DAY);
  expect(await must('unread', {}, 'demo-oc')).toEqual({ count: 0 });
});

test('records what the person accepted, one acceptance per tap; refused kinds are not sent in', async () => {
  await must('subscribe', { accepted: ['activity_reminder', 'volunteer_promoted'] }, 'demo-oc');
  await must('subscribe', { accepted: ['activity_reminder'] }, 'demo-oc');
  expect(await acceptancesLeft(h.store, h.userId('demo-oc'), 'activity_reminder')).toBe(2);
  expect(await acceptancesLeft(h.store, h.userId('demo-oc'), 'volunteer_promoted')).toBe(1);
  expect(await acceptancesLeft(h.store, h.userId('demo-oc'), 'activity_cancelled')).toBe(0);
  const bad = await h.call('messages', 'subscribe', { accepted: ['waitlist_promoted'] }, 'demo-oc');
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('templates: which configured template ids to ask for at each tap', async () => {
  expect(await must('templates', {}, 'someone-new')).toMatchObject({ moments: { signup: [], submitRequest: [] } });
  h.deps.notifier = new OutboxNotifier(h.store, h.clock, 90, { activity_reminder: 'T-R', request_status: 'T-S' });
  expect(await must('templates', {}, 'someone-new')).toMatchObject({
    moments: { signup: [{ key: 'activity_reminder', id: 'T-R' }], submitRequest: [{ key: 'request_status', id: 'T-S' }], register: [] },
  });
});
