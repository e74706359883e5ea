import { TimeBudget } from '../../cloudfunctions/core/adapters/call-budget';
import tcb from '@cloudbase/node-sdk';
import {
  createCloudEntry,
  createSchedulerEntry,
  platformContextFor,
  platformOpenid,
  productionDeps,
  NotConfiguredError,
} from '../../cloudfunctions/core/runtime/cloud-entry';
import { initCloudBase } from '../../cloudfunctions/core/adapters/cloudbase-store';
import { callBudgetMs } from '../../cloudfunctions/core/app/function-timeouts';
import { WeChatSubscribeNotifier } from '../../cloudfunctions/core/adapters/wechat-subscribe-notifier';
import { fakeWx, SEC_CHECK } from '../adapters/wechat-recorded';
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

describe('production wiring (productionDeps, what cloudDeps builds in a container)', () => {
  const app = () => {
    const a = tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' });
    const wx = fakeWx(() => SEC_CHECK.risky);
    a.callWxOpenApi = wx.app.callWxOpenApi as unknown as typeof a.callWxOpenApi;
    return { a, wx };
  };

  test('the content check is msgSecCheck v2 through the CloudBase app, with the caller OPENID', async () => {
    const { a, wx } = app();
    const deps = productionDeps(a, { USER_ID_SALT: 's' }, 'owners');
    // WeChatContentCheck, bounded by the call's time budget (adapters/call-budget.ts).
    expect(deps.budget).toEqual(new TimeBudget(callBudgetMs('owners')));
    expect(await deps.contentCheck.check('这里有赌博广告', 'o-1')).toEqual({ ok: false, label: '20006' });
    expect(wx.calls[0]).toMatchObject({ apiName: '/wxa/msg_sec_check', requestData: { version: 2, openid: 'o-1' } });
  });

  test('the notifier sends subscribe messages with the template ids of SUBSCRIBE_TEMPLATES', () => {
    const deps = productionDeps(app().a, { SUBSCRIBE_TEMPLATES: '{"activity_reminder":"TPL-1"}', USER_ID_SALT: 's' }, 'account');
    expect(deps.notifier).toBeInstanceOf(WeChatSubscribeNotifier);
    expect(deps.notifier.templateIds?.()).toEqual({ activity_reminder: 'TPL-1' });
    expect(deps.userIdSalt).toBe('s');
  });

  test('a wrong template key in SUBSCRIBE_TEMPLATES stops the container from starting', () => {
    expect(() => productionDeps(app().a, { SUBSCRIBE_TEMPLATES: '{"waitlist_promoted":"TPL-1"}', USER_ID_SALT: 's' }, 'account')).toThrow(
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
