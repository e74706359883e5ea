/**
 * Subscribe messages are asked for at the tap that makes the event likely, never on page load
 * (RULES.md §8), and what the person accepted — only that — is recorded on the server.
 * (One page per test file: miniprogram-simulate renders one page's TDesign tree per file.)
 */
import { ok, user, whoamiAs } from '../fixtures';
import { renderPage, type MockBackend, type PageHandle } from '../harness';
import { answerPrompt, prompts, subscribeBackend } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(async () => {
  backend = await subscribeBackend();
});
afterEach(() => page?.detach());

test('submitting a request asks for its progress messages; the form page asks nothing on load', async () => {
  answerPrompt({ 'T-STATUS': 'accept' });
  backend.answer('account.whoami', whoamiAs(user({ roles: ['resident'] })));
  backend.answer('requests.similar', ok({ items: [] }));
  backend.answer('requests.submit', ok({ requestId: 'rq_new', status: 'submitted', dueAt: '2026-11-27T01:00:00.000Z', tier: 'general' }));
  page = await renderPage('pages/requests/new/index');
  await page.settle(150);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.pick('诉求类别', '环境卫生');
  await page.type('标题', '6栋楼道堆放杂物');
  await page.type('问题描述', '一单元楼道堆满纸箱，堵住消防通道。');
  await page.tap('提交诉求');
  await page.settle(80);
  expect(prompts()).toEqual([['T-STATUS']]);
  expect(backend.calls('requests.submit')).toHaveLength(1);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['request_status'] }]);
});
