// Cloud mode's failures as a person meets them: 首页 rendered by miniprogram-simulate in cloud mode,
// with wx.cloud.callFunction stubbed to each error WeChat gives, shows a Chinese message that says
// what happened (services/transport.ts), and the platform's own code goes to the log (DevTools
// console, real-time log), never to the screen.
import { cloudTimeoutMs } from '../../miniprogram/services/timeouts';
import { communityList, user, whoamiAs } from './fixtures';
import { renderPage, type PageHandle } from './harness';
import { installWx } from './wx-mock';

const CLOUD = { mode: 'cloud', cloudEnv: 'prod-1a2b3c' } as const;

let page: PageHandle | undefined;
let logged: jest.SpyInstance;

beforeEach(() => {
  installWx();
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  page?.detach();
  page = undefined;
  logged.mockRestore();
  jest.useRealTimers();
});

const callFunction = () => wx.cloud.callFunction as unknown as jest.Mock;

/** What wx.cloud.callFunction resolves to for one `<function>.<action>`. */
type CloudAnswer = () => Promise<unknown>;

/** Answers callFunction by `'<function>.<action>'`; anything else fails the test loudly. */
function cloudAnswers(table: Record<string, CloudAnswer>): void {
  callFunction().mockImplementation(({ name, data }: { name: string; data: { action: string } }) => {
    const answer = table[`${name}.${data.action}`];
    return answer ? answer() : Promise.reject(new Error(`no cloud answer for ${name}.${data.action}`));
  });
}

const answered = (result: unknown) => () => Promise.resolve({ result, errMsg: 'cloud.callFunction:ok' });

/** An error as wx.cloud rejects with it: errCode plus errMsg. */
const wxError = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg });

/** The log lines of failed calls to `key` ('account.whoami'), with what was logged beside each. */
const logOf = (key: string) => logged.mock.calls.filter((c) => String(c[0]).includes(` ${key}:`));

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
])('%s: 首页 shows what happened, the original code goes to the log', async (_what, error, reason, message) => {
  cloudAnswers({ 'account.whoami': () => Promise.reject(error), 'community.list': answered(communityList) });
  page = await renderPage('pages/home/index', { config: CLOUD });

  expect(page.getByText(message)).toBeTruthy();
  expect(page.getByText('重试')).toBeTruthy();
  expect(page.text()).not.toContain('网络异常');
  const lines = logOf('account.whoami');
  expect(lines).toHaveLength(1);
  const [line, detail] = lines[0];
  expect(line).toContain(reason);
  expect(detail).toBe(error);
  const code = (error as { errCode?: number }).errCode ?? /(-\d+)/.exec(String((error as { message?: string }).message))?.[1];
  if (code !== undefined) expect(line).toContain(`errCode ${code}`);
});

test.each([
  ['an empty result', () => Promise.resolve({ result: undefined, errMsg: 'cloud.callFunction:ok' })],
  ['a result that is no envelope', answered('Internal Server Error')],
])('%s: 首页 says the service answered wrongly, and the log has what came', async (_what, answer) => {
  cloudAnswers({ 'account.whoami': answer, 'community.list': answered(communityList) });
  page = await renderPage('pages/home/index', { config: CLOUD });

  expect(page.getByText('服务返回异常，请稍后重试')).toBeTruthy();
  expect(logOf('account.whoami')).toHaveLength(1);
});

test('a call with no answer is given up after its client-side timeout, and 首页 says so', async () => {
  // Fake timers that also follow the real clock, so the page's own settling still runs.
  // The fake clock also moves with real time (rendering takes some on a loaded machine), so the
  // check before the limit is placed from the time already passed, with 2 s for its own settling.
  jest.useFakeTimers({ advanceTimers: true });
  const limit = cloudTimeoutMs('account');
  const start = Date.now();
  cloudAnswers({ 'account.whoami': () => new Promise(() => undefined), 'community.list': answered(communityList) });
  page = await renderPage('pages/home/index', { config: CLOUD });
  expect(page.text()).toContain('正在获取您的信息');

  jest.advanceTimersByTime(Math.max(0, limit - 2000 - (Date.now() - start)));
  await page.settle();
  expect(page.text()).toContain('正在获取您的信息');
  expect(page.queryByText('请求超时，请检查网络后重试')).toBeNull();

  jest.advanceTimersByTime(2000);
  await page.settle();
  expect(page.getByText('请求超时，请检查网络后重试')).toBeTruthy();
  expect(logOf('account.whoami')[0][0]).toContain(`no answer within ${limit} ms`);
});

test('each function is waited for longer than its own timeout: the function’s answer or the platform’s error comes first', () => {
  // cloudbaserc.json: 10 s for most functions, 20 s for owners (imports), 60 s for admin (exports), plus 5 s.
  expect([cloudTimeoutMs('account'), cloudTimeoutMs('volunteer'), cloudTimeoutMs('owners'), cloudTimeoutMs('admin')]).toEqual([
    15_000, 15_000, 25_000, 65_000,
  ]);
});

test('a server answer reaches 首页 unchanged, UNAVAILABLE included, and nothing is logged', async () => {
  const busy = { ok: false, error: { code: 'UNAVAILABLE', message: '处理超时，请稍后重试', reason: 'TIME_BUDGET_EXCEEDED' } };
  cloudAnswers({ 'account.whoami': answered(busy), 'community.list': answered(communityList) });
  page = await renderPage('pages/home/index', { config: CLOUD });

  expect(page.getByText('处理超时，请稍后重试')).toBeTruthy();
  expect(logged).not.toHaveBeenCalled();
});

test('a working cloud call greets the resident, with no error logged', async () => {
  cloudAnswers({ 'account.whoami': answered(whoamiAs(user(), 'o-real')), 'community.list': answered(communityList) });
  page = await renderPage('pages/home/index', { config: CLOUD });

  expect(page.getByText('您好，赵志远')).toBeTruthy();
  expect(callFunction()).toHaveBeenCalledWith({ name: 'account', data: { action: 'whoami', data: {} } });
  expect(logged).not.toHaveBeenCalled();
});

test('with the placeholder environment id no call is made: 首页 says the build is not configured, the console says where', async () => {
  page = await renderPage('pages/home/index', { config: { mode: 'cloud', cloudEnv: 'your-cloudbase-env-id' } });

  expect(page.getByText('小程序尚未完成配置（云开发环境未设置），暂时无法使用')).toBeTruthy();
  expect(callFunction()).not.toHaveBeenCalled();
  const [line] = logOf('account.whoami')[0];
  expect(line).toContain('miniprogram/config.ts');
  expect(line).toContain('cloudEnv');
});
