/**
 * WeChat subscribeMessage.send over HTTP: the notifier on the real @cloudbase/node-sdk with dummy
 * credentials, its `wx.api` requests answered by a local server with WeChat's documented answers
 * (wechat-recorded.ts cites the pages); the outbox and acceptances in SQLite. Only kinds with a
 * template id, only to people with an unused acceptance, never twice, retried with back-off at most
 * 3 times for the errors a retry can cure; an unanswered send is never sent again.
 */
import { fieldValue, templatesFromEnv, WeChatSubscribeNotifier } from '../../cloudfunctions/core/adapters/wechat-subscribe-notifier';
import { OUTBOX, type OutboxEntry } from '../../cloudfunctions/core/app/messages/message';
import { MESSAGE_TEMPLATES, type TemplateKey, type WxFieldType } from '../../cloudfunctions/core/app/messages/templates';
import { acceptancesLeft, recordAccepted } from '../../cloudfunctions/core/app/messages/subscriptions';
import { makeHarness, type Harness } from '../support/harness';
import { SUBSCRIBE_SEND, TRANSPORT, WxServer, type WxScript } from './wechat-recorded';

let h: Harness;
let answers: WxScript[];
let notifier: WeChatSubscribeNotifier;
let volunteer: string;

const MINUTE = 60_000;
const IDS = { volunteer_promoted: 'TPL-PROMOTED', activity_reminder: 'TPL-REMIND' };
const wx = new WxServer();

beforeAll(() => wx.start());
afterAll(() => wx.stop());
beforeEach(async () => {
  h = await makeHarness();
  answers = [];
  wx.script((_c, n) => answers[n - 1] ?? SUBSCRIBE_SEND.ok);
  // The SDK gives up on a request after 2 s here (3 s in production, cloudbase-store.ts). Only a
  // stalled answer waits for it; a shorter wait fails an answered call on a busy machine.
  notifier = new WeChatSubscribeNotifier(h.store, h.clock, wx.app(2000), IDS, h.logger, 90);
  volunteer = h.userId('demo-volunteer');
});
afterEach(() => h.close());

const promoted = (key = 'k1') =>
  notifier.send({
    key,
    userId: volunteer,
    template: 'volunteer_promoted',
    data: {
      title: '江津花园环境整治志愿服务活动第一期',
      time: '2026-11-28T14:00:00+08:00',
      location: '江津花园东门',
      note: '候补成功，您已获得名额，请准时参加',
    },
    link: '/pages/volunteer/activity/index?activityId=act_1',
  });
const entry = async (key = 'k1') => (await h.store.get<OutboxEntry>(OUTBOX, key))!;
const subscribe = (n = 1) =>
  Promise.all(Array.from({ length: n }, () => recordAccepted(h.store, volunteer, ['volunteer_promoted'], h.clock.now())));

describe('subscribeMessage.send', () => {
  test('sends the documented request once to a subscribed person, then uses up the acceptance', async () => {
    await subscribe();
    await promoted();
    expect(await notifier.flush()).toBe(1);
    expect(await notifier.flush()).toBe(0);
    expect(wx.recorder.actions()).toEqual(['wx.api']);
    expect(wx.calls).toEqual([
      {
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: {
          touser: 'demo-volunteer',
          template_id: 'TPL-PROMOTED',
          page: 'pages/volunteer/activity/index?activityId=act_1',
          data: {
            thing1: { value: '江津花园环境整治志愿服务活动第一期' },
            time2: { value: '2026年11月28日 14:00' },
            thing3: { value: '江津花园东门' },
            thing4: { value: '候补成功，您已获得名额，请准时参加' },
          },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
    expect((await entry()).state).toBe('sent');
    expect(await acceptancesLeft(h.store, volunteer, 'volunteer_promoted')).toBe(0);
  });

  test('a person who refused (or never accepted) the subscription gets nothing sent; the message stays in the centre', async () => {
    await promoted();
    expect(await notifier.flush()).toBe(0);
    expect(wx.calls).toHaveLength(0);
    expect(await entry()).toMatchObject({ state: 'skipped', error: 'not_subscribed', read: false });
  });

  test('a kind without a configured template id is never sent', async () => {
    await recordAccepted(h.store, volunteer, ['activity_cancelled'], h.clock.now());
    await notifier.send({ key: 'k9', userId: volunteer, template: 'activity_cancelled', data: {} });
    await notifier.flush();
    expect(wx.calls).toHaveLength(0);
    expect(await entry('k9')).toMatchObject({ state: 'skipped', error: 'no_template' });
  });

  test('one acceptance, one message: the second waits for another acceptance', async () => {
    await subscribe();
    await promoted('a');
    h.clock.advance(1000);
    await promoted('b');
    expect(await notifier.flush()).toBe(1);
    expect(wx.calls).toHaveLength(1);
    expect(await entry('b')).toMatchObject({ state: 'skipped', error: 'not_subscribed' });
  });

  test('two overlapping flushes send a message once', async () => {
    await subscribe(2);
    await promoted();
    const [a, b] = await Promise.all([notifier.flush(), notifier.flush()]);
    expect(a + b).toBe(1);
    expect(wx.calls).toHaveLength(1);
  });

  test.each([
    ['-1 system busy', SUBSCRIBE_SEND.busy],
    ['45009 quota reached', SUBSCRIBE_SEND.limit],
    ['43108 concurrency limit', SUBSCRIBE_SEND.concurrency],
    ['40001 invalid token (CloudBase renews it)', SUBSCRIBE_SEND.badToken],
    ['42001 token expired (CloudBase renews it)', SUBSCRIBE_SEND.tokenExpired],
  ])('%s: retried after 1, 10 and 60 minutes — 3 retries at most — then failed', async (_name, answer) => {
    const { errcode } = answer;
    await subscribe();
    answers = [answer, answer, answer, answer, answer];
    await promoted();
    const delays = [MINUTE, 10 * MINUTE, 60 * MINUTE];
    await notifier.flush();
    for (const delay of delays) {
      expect(await entry()).toMatchObject({ state: 'queued', error: `errcode ${errcode}` });
      h.clock.advance(delay - 1000);
      await notifier.flush();
      expect(wx.calls).toHaveLength(delays.indexOf(delay) + 1); // not before the back-off
      h.clock.advance(1000);
      await notifier.flush();
    }
    expect(wx.calls).toHaveLength(4);
    expect(await entry()).toMatchObject({ state: 'failed', attempts: 4 });
    h.clock.advance(24 * 60 * MINUTE);
    await notifier.flush();
    expect(wx.calls).toHaveLength(4);
    expect(await acceptancesLeft(h.store, volunteer, 'volunteer_promoted')).toBe(1);
  });

  test('a retry after a failure that cleared up is delivered once', async () => {
    await subscribe();
    answers = [SUBSCRIBE_SEND.busy];
    await promoted();
    await notifier.flush();
    h.clock.advance(MINUTE);
    expect(await notifier.flush()).toBe(1);
    expect(wx.calls).toHaveLength(2);
    expect((await entry()).state).toBe('sent');
  });

  test('43101 (no acceptance left at WeChat): our count is cleared; the retry sends only after a new acceptance', async () => {
    await subscribe();
    answers = [SUBSCRIBE_SEND.refused];
    await promoted();
    await notifier.flush();
    expect(await acceptancesLeft(h.store, volunteer, 'volunteer_promoted')).toBe(0);
    h.clock.advance(MINUTE);
    await notifier.flush();
    expect(wx.calls).toHaveLength(1);
    expect(await entry()).toMatchObject({ state: 'skipped', error: 'not_subscribed' });
  });

  test('43101, then the person accepts again before the retry: the retry is delivered once and uses the new acceptance', async () => {
    await subscribe(2);
    answers = [SUBSCRIBE_SEND.refused];
    await promoted();
    await notifier.flush();
    expect(await entry()).toMatchObject({ state: 'queued', error: 'errcode 43101' });
    await subscribe();
    h.clock.advance(MINUTE);
    expect(await notifier.flush()).toBe(1);
    expect(await notifier.flush()).toBe(0);
    expect(wx.calls).toHaveLength(2);
    expect(wx.calls[1]).toEqual(wx.calls[0]);
    expect(await entry()).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await acceptancesLeft(h.store, volunteer, 'volunteer_promoted')).toBe(0);
  });

  test.each([
    ['47003 template data error', SUBSCRIBE_SEND.badData],
    ['40003 invalid touser', SUBSCRIBE_SEND.badTouser],
    ['40037 invalid template_id', SUBSCRIBE_SEND.badTemplate],
    ['41030 invalid page', SUBSCRIBE_SEND.badPage],
  ])('%s: failed at once, not retried', async (_name, answer) => {
    await subscribe();
    answers = [answer];
    await promoted();
    await notifier.flush();
    h.clock.advance(2 * 60 * MINUTE);
    await notifier.flush();
    expect(wx.calls).toHaveLength(1);
    expect(await entry()).toMatchObject({ state: 'failed', error: `errcode ${answer.errcode}` });
    // Not delivered: the acceptance stays for the next message.
    expect(await acceptancesLeft(h.store, volunteer, 'volunteer_promoted')).toBe(1);
  });

  // Each wait is long enough for the request to reach the local server on a busy machine: a request
  // given up before it arrives would be missing here and counted in the next test.
  test.each([
    ['no answer within the SDK timeout', TRANSPORT.stall, 'call_failed', 1500, 5000],
    ['no answer within the notifier timeout', TRANSPORT.stall, 'timeout', 10_000, 1500],
    ['a connection reset', TRANSPORT.reset, 'call_failed', 1500, 5000],
    ['HTTP 502 from CloudBase', TRANSPORT.http502, 'call_failed', 1500, 5000],
    ['CloudBase refusing the call (node-sdk rejects)', TRANSPORT.cloudbaseError, 'call_failed', 1500, 5000],
  ])('%s: never sent again (WeChat may have delivered it)', async (_name, answer, error, sdkTimeout, notifierTimeout) => {
    notifier = new WeChatSubscribeNotifier(h.store, h.clock, wx.app(sdkTimeout), IDS, h.logger, 90, notifierTimeout);
    await subscribe(2);
    answers = [answer];
    await promoted();
    await notifier.flush();
    h.clock.advance(2 * 60 * MINUTE);
    await notifier.flush();
    expect(wx.calls).toHaveLength(1);
    expect(await entry()).toMatchObject({ state: 'failed', error });
  });
});

describe('every kind of the typed template table', () => {
  const SAMPLE: Record<WxFieldType, string> = {
    thing: '江津花园东门广场环境整治志愿服务活动第一期（含垃圾分类宣传）',
    time: '2026-11-28T06:00:00.000Z',
    phrase: '协调不予办理',
    character_string: 'RQ-20261128-0001',
  };
  const EXPECTED: Record<WxFieldType, string> = {
    thing: [...SAMPLE.thing].slice(0, 20).join(''),
    time: '2026年11月28日 14:00',
    phrase: '协调不予办',
    character_string: SAMPLE.character_string,
  };

  test.each(Object.keys(MESSAGE_TEMPLATES) as TemplateKey[])(
    '%s: data carries exactly the table’s WeChat fields, within WeChat’s limits',
    async (key) => {
      const fields = Object.entries(MESSAGE_TEMPLATES[key].fields);
      notifier = new WeChatSubscribeNotifier(h.store, h.clock, wx.app(2000), { [key]: `TPL-${key}` }, h.logger, 90);
      await recordAccepted(h.store, volunteer, [key], h.clock.now());
      await notifier.send({
        key: `k-${key}`,
        userId: volunteer,
        template: key,
        data: Object.fromEntries(fields.map(([ours, f]) => [ours, SAMPLE[f.type]])),
        link: '/pages/messages/index',
      });
      expect(await notifier.flush()).toBe(1);
      expect(wx.calls).toEqual([
        {
          apiName: '/cgi-bin/message/subscribe/send',
          requestData: {
            touser: 'demo-volunteer',
            template_id: `TPL-${key}`,
            page: 'pages/messages/index',
            data: Object.fromEntries(fields.map(([, f]) => [f.wx, { value: EXPECTED[f.type] }])),
            miniprogram_state: 'formal',
            lang: 'zh_CN',
          },
        },
      ]);
    },
  );
});

describe('template configuration', () => {
  test('SUBSCRIBE_TEMPLATES gives ids per message kind; the fields come from the table', () => {
    expect(templatesFromEnv('{"volunteer_promoted":"T1","activity_reminder":{"id":"T2"}}')).toEqual({
      volunteer_promoted: 'T1',
      activity_reminder: 'T2',
    });
    expect(templatesFromEnv(undefined)).toEqual({});
  });

  test('an unknown kind (like the old waitlist_promoted) is refused at start', () => {
    expect(() => templatesFromEnv('{"waitlist_promoted":"T1"}')).toThrow('unknown message kind waitlist_promoted');
  });

  test('field values fit WeChat limits: thing 20, phrase 5, times as 年月日', () => {
    expect(fieldValue('thing', '一二三四五六七八九十一二三四五六七八九十多余')).toHaveLength(20);
    expect(fieldValue('phrase', '协调不予办理')).toBe('协调不予办');
    expect(fieldValue('time', '2026-11-20T01:00:00.000Z')).toBe('2026年11月20日 09:00');
    expect(fieldValue('thing', '')).toBe('-');
  });
});
