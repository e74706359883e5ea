// Cloud mode's failures: each error wx.cloud.callFunction may give is answered with an envelope
// that says what happened (UNAVAILABLE and a reason), and the platform's own code goes to the log.
import { config } from '../../miniprogram/config';
import * as account from '../../miniprogram/services/account';
import { call } from '../../miniprogram/services/transport';
import { cloudTimeoutMs } from '../../miniprogram/services/timeouts';
import { installWx } from './wx-mock';

const callFunction = () => wx.cloud.callFunction as unknown as jest.Mock;
let logged: jest.SpyInstance;

beforeEach(() => {
  installWx();
  Object.assign(config, { mode: 'cloud', cloudEnv: 'prod-1a2b3c' });
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  logged.mockRestore();
  Object.assign(config, { mode: 'local', cloudEnv: 'your-cloudbase-env-id' });
  jest.useRealTimers();
});

/** An error as wx.cloud rejects with it: errCode plus errMsg. */
const wxError = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg });

test.each([
  [
    'function not found',
    wxError(-404011, 'cloud.callFunction:fail -404011 cloud function execution error | errMsg: FunctionName parameter could not be found'),
    'FUNCTION_NOT_FOUND',
    '服务暂不可用（云函数未部署），请联系管理员',
  ],
  [
    'function timeout',
    wxError(-504003, 'cloud.callFunction:fail Error: errCode: -504003 functions invoking timeout'),
    'FUNCTION_TIMEOUT',
    '服务响应超时，请稍后重试',
  ],
  [
    'environment not found',
    wxError(-501000, 'cloud.callFunction:fail -501000 [100003] env check invalid be filtered'),
    'ENV_NOT_FOUND',
    '云开发环境配置有误，请联系管理员',
  ],
  [
    'function crashed',
    wxError(-504002, 'cloud.callFunction:fail -504002 functions execute fail'),
    'FUNCTION_FAILED',
    '服务出现异常，请稍后重试',
  ],
  [
    'cloud not enabled',
    wxError(-601034, 'cloud.callFunction:fail -601034 没有权限，请先开通云开发'),
    'CLOUD_NOT_ENABLED',
    '云开发未开通或无权限调用，请联系管理员',
  ],
  ['quota', wxError(-501004, 'cloud.callFunction:fail -501004 concurrency limit'), 'QUOTA_EXCEEDED', '当前访问人数较多，请稍后重试'],
  ['no network', { errMsg: 'cloud.callFunction:fail request:fail network' }, 'NETWORK', '网络连接失败，请检查网络后重试'],
  [
    'code only in the message',
    new Error('cloud.callFunction:fail -404011 cloud function execution error'),
    'FUNCTION_NOT_FOUND',
    '服务暂不可用（云函数未部署），请联系管理员',
  ],
  ['anything else', wxError(-1, 'cloud.callFunction:fail unknown'), 'CLOUD_CALL_FAILED', '服务暂时不可用，请稍后重试'],
])('%s: UNAVAILABLE with its reason, the original code in the log', async (_what, error, reason, message) => {
  callFunction().mockRejectedValue(error);
  await expect(account.whoami()).resolves.toEqual({ ok: false, error: { code: 'UNAVAILABLE', reason, message } });
  expect(logged).toHaveBeenCalledTimes(1);
  const [line, detail] = logged.mock.calls[0];
  expect(line).toContain('account.whoami');
  expect(line).toContain(reason);
  expect(detail).toBe(error);
  const code = (error as { errCode?: number }).errCode;
  if (code !== undefined) expect(line).toContain(String(code));
});

test.each([
  ['an empty result', { result: undefined, errMsg: 'cloud.callFunction:ok' }],
  ['a result that is no envelope', { result: 'Internal Server Error', errMsg: 'cloud.callFunction:ok' }],
])('%s: UNAVAILABLE BAD_RESPONSE, logged', async (_what, answer) => {
  callFunction().mockResolvedValue(answer);
  await expect(call('ratings', 'board')).resolves.toEqual({
    ok: false,
    error: { code: 'UNAVAILABLE', reason: 'BAD_RESPONSE', message: '服务返回异常，请稍后重试' },
  });
  expect(logged).toHaveBeenCalledTimes(1);
});

/** Whether `pending` has settled once the microtasks queued so far have run. */
async function settled(pending: Promise<unknown>): Promise<boolean> {
  let done = false;
  void pending.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

test.each([
  ['volunteer', 'signup', 15_000],
  ['owners', 'importRegister', 25_000],
  ['admin', 'exportLedger', 65_000],
] as const)('%s.%s: a call with no answer is given up after its own client-side timeout, %d ms', async (fn, action, ms) => {
  jest.useFakeTimers();
  expect(cloudTimeoutMs(fn)).toBe(ms);
  callFunction().mockReturnValue(new Promise(() => undefined));
  const pending = call(fn, action, {});
  jest.advanceTimersByTime(ms - 1);
  expect(await settled(pending)).toBe(false);
  jest.advanceTimersByTime(1);
  await expect(pending).resolves.toEqual({
    ok: false,
    error: { code: 'UNAVAILABLE', reason: 'CLIENT_TIMEOUT', message: '请求超时，请检查网络后重试' },
  });
  expect(logged.mock.calls[0][0]).toContain(`${fn}.${action}`);
});

test('a slow admin export answered after 30 s (inside the function’s 60 s) reaches the page', async () => {
  jest.useFakeTimers();
  const file = { ok: true, data: { fileId: 'cloud://x.xlsx', rows: 1000 } };
  callFunction().mockReturnValue(
    new Promise((resolve) => setTimeout(() => resolve({ result: file, errMsg: 'cloud.callFunction:ok' }), 30_000)),
  );
  const pending = call('admin', 'exportLedger', { ledger: 'requests' });
  jest.advanceTimersByTime(30_000);
  await expect(pending).resolves.toEqual(file);
  expect(logged).not.toHaveBeenCalled();
});

test('a server answer is passed through unchanged, UNAVAILABLE included', async () => {
  const busy = { ok: false, error: { code: 'UNAVAILABLE', message: '处理超时，请稍后重试', reason: 'TIME_BUDGET_EXCEEDED' } };
  callFunction().mockResolvedValue({ result: busy, errMsg: 'cloud.callFunction:ok' });
  await expect(account.whoami()).resolves.toEqual(busy);
  expect(logged).not.toHaveBeenCalled();
});

test('with the placeholder environment id no call is made: the answer says the build is not configured', async () => {
  Object.assign(config, { cloudEnv: 'your-cloudbase-env-id' });
  const r = await account.whoami();
  expect(r).toEqual({
    ok: false,
    error: { code: 'UNAVAILABLE', reason: 'CLOUD_ENV_NOT_SET', message: '小程序尚未完成配置（云开发环境未设置），暂时无法使用' },
  });
  expect(callFunction()).not.toHaveBeenCalled();
});
