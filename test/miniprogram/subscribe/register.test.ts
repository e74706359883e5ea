/**
 * Subscribe messages are asked for at the tap that makes the event likely, never on page load
 * (RULES.md §8), and what the person accepted — only that — is recorded on the server.
 * (One page per test file: miniprogram-simulate renders one page's TDesign tree per file.)
 */
import { ok, streetStep, user } from '../fixtures';
import { renderPage, type MockBackend, type PageHandle } from '../harness';
import { answerPrompt, prompts, subscribeBackend } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(async () => {
  backend = await subscribeBackend();
});
afterEach(() => page?.detach());

test('submitting a registration asks for the approval message', async () => {
  answerPrompt({ 'T-APPROVED': 'accept' });
  backend.answer('community.streets', streetStep['community.streets']);
  backend.answer('community.list', streetStep['community.list']);
  backend.answer('account.register', (data) => ok(user({ ...(data as object), status: 'pending', roles: [] })));
  page = await renderPage('pages/register/index');
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.pick('所在街道', '胜利街道');
  await page.pick('所在社区', '红星社区');
  await page.pick('所在小区', '江津花园');
  await page.type('姓名', '赵志远');
  await page.type('手机号', '13907160006');
  await page.type('楼栋', '6栋');
  await page.type('房号', '601');
  await page.tap('我已阅读并同意');
  await page.tap('提交注册');
  await page.settle(80);
  expect(prompts()).toEqual([['T-APPROVED']]);
  expect(backend.calls('account.register')).toHaveLength(1);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['account_approved'] }]);
});
