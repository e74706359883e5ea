import { WeChatSubscribeNotifier } from '../../cloudfunctions/core/adapters/wechat-subscribe-notifier';
import { OUTBOX } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
let calls: Array<{ apiName: string; requestData: Record<string, unknown> }>;
let errcode: number;
let notifier: WeChatSubscribeNotifier;

const app = {
  callWxOpenApi: async (options: { apiName: string; requestData: unknown }) => {
    calls.push(options as { apiName: string; requestData: Record<string, unknown> });
    return { result: JSON.stringify({ errcode }) };
  },
};

beforeEach(async () => {
  h = await makeHarness();
  calls = [];
  errcode = 0;
  notifier = new WeChatSubscribeNotifier(
    h.store,
    h.clock,
    app,
    { promoted: { id: 'TPL-1', fields: { title: 'thing1', startAt: 'time2' }, page: 'pages/activities/index' } },
    h.logger,
  );
});
afterEach(() => h.close());

describe('WeChat subscribe-message notifier', () => {
  test('sends a queued message once to the recipient OPENID with the template fields, then marks it sent', async () => {
    await notifier.send({
      key: 'k1',
      userId: h.userId('demo-volunteer'),
      template: 'promoted',
      data: { title: '江津花园环境整治志愿服务活动第一期', startAt: '2026-11-28 09:00' },
    });
    expect(await notifier.flush()).toBe(1);
    expect(await notifier.flush()).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].requestData).toMatchObject({
      touser: 'demo-volunteer',
      template_id: 'TPL-1',
      data: { thing1: { value: '江津花园环境整治志愿服务活动第一期'.slice(0, 20) } },
    });
    expect((await h.store.get<{ _id: string; state: string }>(OUTBOX, 'k1'))?.state).toBe('sent');
  });

  test('queues one message per key however often it is sent', async () => {
    const n = { key: 'k2', userId: h.userId('demo-volunteer'), template: 'promoted', data: {} };
    expect(await notifier.send(n)).toBe(true);
    expect(await notifier.send(n)).toBe(false);
    expect(await h.store.count(OUTBOX, {})).toBe(1);
  });

  test('marks a refused message failed and does not retry it', async () => {
    errcode = 43101;
    await notifier.send({ key: 'k3', userId: h.userId('demo-volunteer'), template: 'promoted', data: {} });
    expect(await notifier.flush()).toBe(0);
    await notifier.flush();
    expect(calls).toHaveLength(1);
    expect((await h.store.get<{ _id: string; state: string }>(OUTBOX, 'k3'))?.state).toBe('failed');
  });

  test('keeps messages without a configured template in the inbox without calling WeChat', async () => {
    await notifier.send({ key: 'k4', userId: h.userId('demo-volunteer'), template: 'unknown', data: {} });
    await notifier.flush();
    expect(calls).toHaveLength(0);
  });
});
