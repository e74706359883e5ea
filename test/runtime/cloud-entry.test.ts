import { TimeBudget } from '../../cloudfunctions/core/adapters/call-budget';
import tcb from '@cloudbase/node-sdk';
import {
  createCloudEntry,
  platformContextFor,
  platformOpenid,
  productionDeps,
  NotConfiguredError,
} from '../../cloudfunctions/core/runtime/cloud-entry';
import { createSchedulerEntry } from '../../cloudfunctions/core/runtime/scheduler-entry';
import { initCloudBase } from '../../cloudfunctions/core/adapters/cloudbase-store';
import { callBudgetMs } from '../../cloudfunctions/core/app/function-timeouts';
import { WeChatSubscribeNotifier } from '../../cloudfunctions/core/adapters/wechat-subscribe-notifier';
import { SEC_CHECK, SUBSCRIBE_SEND, WxServer } from '../adapters/wechat-recorded';
import { replies, type Recorded } from '../support/cloudbase-recorder';
import { accountActions } from '../../cloudfunctions/core/app/account/actions';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('production entry', () => {
  test('reads the OPENID the platform injected into the context', () => {
    expect(platformOpenid(platformContextFor('o-123'))).toBe('o-123');
  });

  test('finds no identity in a missing or unparsable context', () => {
    expect(platformOpenid(undefined)).toBeNull();
    expect(platformOpenid({})).toBeNull();
    expect(platformOpenid({ environment: '{not json' })).toBeNull();
  });

  test('ignores x-openid and openid fields in the event', async () => {
    const main = createCloudEntry('account', accountActions, h.deps);
    const r = await main(
      { action: 'whoami', 'x-openid': 'demo-admin', openid: 'demo-admin', userInfo: { openId: 'demo-admin' } },
      platformContextFor(null),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('the scheduler refuses a call made by a user', async () => {
    const main = createSchedulerEntry(h.deps);
    expect(await main({ Type: 'Timer' }, platformContextFor('demo-admin'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await main({ action: 'tick' }, platformContextFor(null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the scheduler runs its tick for the timer trigger', async () => {
    const main = createSchedulerEntry(h.deps);
    const r = await main({ Type: 'Timer', TriggerName: 'every10min', Time: '2026-11-20T01:00:00Z' }, platformContextFor(null));
    expect(r.ok).toBe(true);
    expect(r.ok && Object.keys(r.data as object).sort()).toEqual([
      'counters',
      'holders',
      'messages',
      'notifications',
      'owners',
      'ratings',
      'requests',
      'volunteer',
    ]);
  });
});

describe('production wiring (productionDeps, what cloudDeps builds in a container), over HTTP', () => {
  const wx = new WxServer();
  beforeAll(() => wx.start());
  afterAll(() => wx.stop());

  test('the content check is msgSecCheck v2 through node-sdk, with the caller OPENID', async () => {
    wx.script(() => SEC_CHECK.risky);
    const deps = productionDeps(wx.app(), { USER_ID_SALT: 's' }, 'owners');
    // WeChatContentCheck, bounded by the call's time budget (adapters/call-budget.ts).
    expect(deps.budget).toEqual(new TimeBudget(callBudgetMs('owners')));
    expect(await deps.contentCheck.check('这里有赌博广告', 'o-1')).toEqual({ ok: false, label: '20006' });
    expect(wx.calls).toEqual([
      { apiName: '/wxa/msg_sec_check', requestData: { content: '这里有赌博广告', version: 2, scene: 2, openid: 'o-1' } },
    ]);
  });

  test('the notifier sends a queued message from the CloudBase outbox with the template id of SUBSCRIBE_TEMPLATES', async () => {
    const queued = {
      _id: 'rq:r1:v2:u1',
      userId: 'u1',
      template: 'request_status',
      title: '诉求进展',
      body: '',
      data: { title: '3栋楼道灯不亮', status: '已受理', note: '物业牵头办理', time: '2026-11-20T01:00:00.000Z' },
      link: '/pages/requests/detail/index?requestId=r1',
      state: 'queued',
      attempts: 0,
      nextAttemptAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      read: false,
    };
    // The database as the SDK reads it: the queued message, one acceptance, the recipient.
    const docs: Record<string, object> = {
      outbox: queued,
      subscriptions: { _id: 'u1', counts: { request_status: 1 }, updatedAt: '2026-01-01T00:00:00.000Z' },
      users: { _id: 'u1', openid: 'o-u1' },
    };
    const database = (r: Recorded) => {
      const doc = docs[r.collectionName ?? ''];
      if (r.action === 'database.getDocument') return replies.list(doc ? [doc] : []);
      // A conditional update that found its document (the claim queued → sending, the settling).
      if (r.action === 'database.modifyAndReturnDoc') return replies.returned(doc ?? null);
      return undefined;
    };
    wx.script(() => SUBSCRIBE_SEND.ok, database);
    const deps = productionDeps(wx.app(), { SUBSCRIBE_TEMPLATES: '{"request_status":"TPL-STATUS"}', USER_ID_SALT: 's' }, 'scheduler');
    expect(deps.notifier).toBeInstanceOf(WeChatSubscribeNotifier);
    expect(deps.notifier.templateIds?.()).toEqual({ request_status: 'TPL-STATUS' });
    expect(await deps.notifier.flush?.()).toBe(1);
    expect(wx.calls).toEqual([
      {
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: {
          touser: 'o-u1',
          template_id: 'TPL-STATUS',
          page: 'pages/requests/detail/index?requestId=r1',
          data: {
            thing1: { value: '3栋楼道灯不亮' },
            phrase2: { value: '已受理' },
            thing3: { value: '物业牵头办理' },
            time4: { value: '2026年11月20日 09:00' },
          },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
    // The send was claimed before it went out and settled after, through the CloudBase store.
    const outboxWrites = wx.recorder.requests.filter((r) => r.collectionName === 'outbox' && r.action !== 'database.getDocument');
    expect(outboxWrites.map((r) => JSON.stringify(r.data))).toEqual([expect.stringContaining('sending'), expect.stringContaining('sent')]);
    expect(wx.recorder.actions().indexOf('wx.api')).toBeGreaterThan(wx.recorder.requests.indexOf(outboxWrites[0]));
  });

  test('a wrong template key in SUBSCRIBE_TEMPLATES stops the container from starting', () => {
    expect(() => productionDeps(wx.app(), { SUBSCRIBE_TEMPLATES: '{"waitlist_promoted":"TPL-1"}', USER_ID_SALT: 's' }, 'account')).toThrow(
      'waitlist_promoted',
    );
  });
});

describe('production configuration', () => {
  test('each SDK request of the production app times out after 3 s, inside the call’s budget', () => {
    // What initCloudBase passed to tcb.init, as the SDK keeps it for its requests.
    const { config } = initCloudBase() as unknown as { config: { timeout?: number } };
    expect(config.timeout).toBe(3000);
  });

  test('without USER_ID_SALT the production ports are not built: no public default salt', () => {
    const app = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
    expect(() => productionDeps(app, {}, 'account')).toThrow(NotConfiguredError);
    expect(() => productionDeps(app, { USER_ID_SALT: '' }, 'account')).toThrow('USER_ID_SALT is not set');
  });

  describe('a function deployed without USER_ID_SALT', () => {
    const saved = process.env.USER_ID_SALT;
    let logged: jest.SpyInstance;
    beforeEach(() => {
      delete process.env.USER_ID_SALT;
      logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => {
      logged.mockRestore();
      if (saved === undefined) delete process.env.USER_ID_SALT;
      else process.env.USER_ID_SALT = saved;
    });
    const refused = {
      ok: false,
      error: { code: 'UNAVAILABLE', reason: 'FUNCTION_NOT_CONFIGURED', message: '服务尚未完成配置，请联系管理员' },
    };

    test('refuses every call with UNAVAILABLE FUNCTION_NOT_CONFIGURED and logs the missing setting', async () => {
      const main = createCloudEntry('account', accountActions);
      expect(await main({ action: 'whoami', data: {} }, platformContextFor('o-1'))).toEqual(refused);
      expect(await main({ action: 'whoami', data: {} }, platformContextFor('o-2'))).toEqual(refused);
      expect(logged.mock.calls.map(([line]) => String(line))).toContainEqual(expect.stringContaining('USER_ID_SALT is not set'));
    });

    test('its scheduler runs no tick', async () => {
      const main = createSchedulerEntry();
      expect(await main({ Type: 'Timer' }, platformContextFor(null))).toEqual(refused);
      expect(logged.mock.calls.map(([line]) => String(line))).toContainEqual(expect.stringContaining('USER_ID_SALT is not set'));
    });
  });
});
