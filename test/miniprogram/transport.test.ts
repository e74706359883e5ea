import { config } from '../../miniprogram/config';
import * as account from '../../miniprogram/services/account';
import * as community from '../../miniprogram/services/community';
import { call } from '../../miniprogram/services/transport';
import { installWx } from './wx-mock';

const request = () => wx.request as unknown as jest.Mock;
const callFunction = () => wx.cloud.callFunction as unknown as jest.Mock;

/** Makes wx.request answer like the gateway: HTTP `statusCode` with `body`. */
function gatewayAnswers(body: unknown, statusCode = 200) {
  request().mockImplementation((o: WechatMiniprogram.RequestOption) => {
    setTimeout(() => o.success?.({ statusCode, data: body, header: {}, cookies: [], errMsg: 'request:ok' } as never), 0);
  });
}

beforeEach(() => {
  installWx();
  config.mode = 'local';
});

describe('local mode', () => {
  test('sends x-openid in local mode', async () => {
    gatewayAnswers({ ok: true, data: { openid: 'demo-resident', user: null } });
    await account.whoami();
    expect(request()).toHaveBeenCalledTimes(1);
    expect(request().mock.calls[0][0].header).toEqual({ 'content-type': 'application/json', 'x-openid': 'demo-resident' });
  });

  test('sends the demo account chosen in storage as x-openid', async () => {
    wx.setStorageSync('devOpenid', 'demo-rc');
    gatewayAnswers({ ok: true, data: [] });
    await community.list();
    expect(request().mock.calls[0][0].header['x-openid']).toBe('demo-rc');
  });

  test('posts the action and its payload to the function on the gateway', async () => {
    gatewayAnswers({ ok: true, data: { nextCursor: null, items: [] } });
    await account.listMembers({ communityId: 'cm_hongxing', status: 'pending' });
    const options = request().mock.calls[0][0];
    expect(options.url).toBe('http://127.0.0.1:3000/functions/account');
    expect(options.method).toBe('POST');
    expect(options.data).toEqual({ action: 'listMembers', data: { communityId: 'cm_hongxing', status: 'pending' } });
  });

  test('returns the envelope the gateway answered, failures included', async () => {
    const conflict = { ok: false, error: { code: 'CONFLICT', message: '您已注册，无需重复注册', reason: 'ALREADY_REGISTERED' } };
    gatewayAnswers(conflict);
    await expect(account.approve('u_1')).resolves.toEqual(conflict);
  });

  test("passes the gateway's 404 envelope through", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '没有这个函数' } };
    gatewayAnswers(notFound, 404);
    await expect(call('ratings', 'board')).resolves.toEqual(notFound);
  });

  test('turns a gateway that cannot be reached into UNAVAILABLE NETWORK, logged', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    request().mockImplementation((o: WechatMiniprogram.RequestOption) => {
      setTimeout(() => o.fail?.({ errMsg: 'request:fail connect ECONNREFUSED', errno: 600001 } as never), 0);
    });
    await expect(account.whoami()).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', reason: 'NETWORK', message: '网络连接失败，请检查网络后重试' },
    });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  test('turns a request timeout into UNAVAILABLE CLIENT_TIMEOUT', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    request().mockImplementation((o: WechatMiniprogram.RequestOption) => {
      setTimeout(() => o.fail?.({ errMsg: 'request:fail timeout', errno: 5 } as never), 0);
    });
    await expect(account.whoami()).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', reason: 'CLIENT_TIMEOUT', message: '请求超时，请检查网络后重试' },
    });
    logged.mockRestore();
  });

  test('turns an answer that is not an envelope (a proxy error page) into UNAVAILABLE BAD_RESPONSE', async () => {
    gatewayAnswers('<html>502 Bad Gateway</html>', 502);
    await expect(community.list()).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', reason: 'BAD_RESPONSE', message: '服务返回异常，请稍后重试' },
    });
  });

  test('does not call the cloud', async () => {
    gatewayAnswers({ ok: true, data: [] });
    await community.list();
    expect(callFunction()).not.toHaveBeenCalled();
  });
});

describe('cloud mode', () => {
  beforeEach(() => {
    config.mode = 'cloud';
    config.cloudEnv = 'prod-1a2b3c';
  });

  afterEach(() => {
    config.cloudEnv = 'your-cloudbase-env-id';
  });

  test('calls wx.cloud.callFunction in cloud mode', async () => {
    const me = { openid: 'o-123', user: null };
    callFunction().mockResolvedValue({ result: { ok: true, data: me }, errMsg: 'cloud.callFunction:ok', requestID: 'r1' });
    const res = await account.whoami();
    expect(callFunction()).toHaveBeenCalledWith({ name: 'account', data: { action: 'whoami', data: {} } });
    expect(res).toEqual({ ok: true, data: me });
    expect(request()).not.toHaveBeenCalled();
  });

  test('sends no identity of its own: the platform provides it', async () => {
    callFunction().mockResolvedValue({ result: { ok: true, data: [] }, errMsg: 'cloud.callFunction:ok', requestID: 'r1' });
    wx.setStorageSync('devOpenid', 'demo-admin');
    await community.stats('cm_hongxing');
    expect(JSON.stringify(callFunction().mock.calls[0][0])).not.toContain('demo-admin');
    expect(callFunction().mock.calls[0][0]).toEqual({ name: 'community', data: { action: 'stats', data: { communityId: 'cm_hongxing' } } });
  });

  test('turns a failed cloud call into UNAVAILABLE with what happened (all cases: transport-cloud.test.ts)', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    callFunction().mockRejectedValue(new Error('cloud.callFunction:fail -404011 cloud function execution error'));
    await expect(
      account.register({ name: '赵志远', phone: '13907160006', communityId: 'c', compoundId: 'k', building: '6栋', room: '601' }),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', reason: 'FUNCTION_NOT_FOUND', message: '服务暂不可用（云函数未部署），请联系管理员' },
    });
    logged.mockRestore();
  });
});

describe('services', () => {
  const register = { name: '赵志远', phone: '13907160006', communityId: 'cm_1', compoundId: 'cp_1', building: '6栋', room: '601' };
  test.each([
    { fn: 'account', action: 'whoami', run: () => account.whoami(), data: {} },
    { fn: 'account', action: 'register', run: () => account.register(register), data: register },
    { fn: 'account', action: 'approve', run: () => account.approve('u_1'), data: { userId: 'u_1' } },
    {
      fn: 'account',
      action: 'grantRole',
      run: () => account.grantRole({ userId: 'u_1', role: 'property_staff', firmId: 'f_1' }),
      data: { userId: 'u_1', role: 'property_staff', firmId: 'f_1' },
    },
    { fn: 'account', action: 'listMembers', run: () => account.listMembers({ communityId: 'cm_1' }), data: { communityId: 'cm_1' } },
    { fn: 'community', action: 'list', run: () => community.list(), data: {} },
    { fn: 'community', action: 'stats', run: () => community.stats('cm_1'), data: { communityId: 'cm_1' } },
  ])('$action sends its payload to the $fn function', async ({ fn, action, run, data }) => {
    gatewayAnswers({ ok: true, data: null });
    await run();
    expect(request().mock.calls[0][0].url).toBe(`http://127.0.0.1:3000/functions/${fn}`);
    expect(request().mock.calls[0][0].data).toEqual({ action, data });
  });
});
