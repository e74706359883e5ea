/**
 * Submitting a 微心愿 asks for its messages (reviewed, claimed, done) at the tap, never on page
 * load (RULES.md §8); what the person accepted is recorded once the wish is stored.
 * (One page per test file: miniprogram-simulate renders one page's TDesign tree per file.)
 */
import { ok } from '../fixtures';
import { need, untilLoaded, whoamiResident } from '../outreach/fixtures';
import { renderPage, type MockBackend, type PageHandle } from '../harness';
import { answerPrompt, prompts, subscribeBackend } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(async () => {
  backend = await subscribeBackend({
    'account.whoami': whoamiResident,
    'outreach.myNeeds': ok({ items: [], nextCursor: null }),
  });
});
afterEach(() => page?.detach());

test('submitting a wish asks for the review message and records the acceptance after it is stored', async () => {
  answerPrompt({ 'T-WISH': 'accept' });
  backend.answer('outreach.wish', (data) => ok(need({ source: 'wish', status: 'pending_review', text: (data as { text: string }).text })));
  page = await renderPage('outreach/wish/index');
  await untilLoaded(page);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.type('我的心愿', '想请人帮忙换灯泡');
  await page.tap('提交微心愿');
  await page.settle(80);
  expect(prompts()).toEqual([['T-WISH']]);
  expect(backend.calls('outreach.wish')).toHaveLength(1);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['wish_reviewed'] }]);
});

test('a refused wish records no acceptance', async () => {
  answerPrompt({ 'T-WISH': 'accept' });
  backend.answer('outreach.wish', { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后重试' } });
  page = await renderPage('outreach/wish/index');
  await untilLoaded(page);
  await page.type('我的心愿', '想请人帮忙换灯泡');
  await page.tap('提交微心愿');
  await page.settle(80);
  expect(prompts()).toEqual([['T-WISH']]);
  expect(backend.calls('messages.subscribe')).toEqual([]);
});
