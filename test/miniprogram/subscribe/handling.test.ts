/**
 * Handling staff are asked for the handling messages (new work, overdue) at the tap that opens a
 * handling sheet, never on page load; only what they accepted is recorded, and only once the
 * action succeeded. (One page per test file: miniprogram-simulate renders one TDesign tree per file.)
 */
import { ok } from '../fixtures';
import { renderPage, type MockBackend, type PageHandle } from '../harness';
import { view } from '../requests/fixtures';
import { answerPrompt, prompts, subscribeBackend } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

const submitted = view({ viewer: { visibility: 'full', roles: ['rc_staff'], can: ['accept', 'reject', 'comment'], following: false } });

beforeEach(async () => {
  backend = await subscribeBackend({
    'requests.get': ok(submitted),
    'requests.reject': ok(view({ status: 'rejected' })),
  });
});
afterEach(() => page?.detach());

test('opening a handling sheet asks for the handling messages; what was accepted is recorded after the action', async () => {
  answerPrompt({ 'T-ASSIGNED': 'accept', 'T-ESCALATED': 'reject' });
  page = await renderPage('pages/requests/detail/index', { properties: { requestId: 'rq_demo_light' } });
  await page.settle(150);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();

  await page.tap('不予受理');
  await page.settle(20);
  expect(prompts()).toEqual([['T-ASSIGNED', 'T-ESCALATED']]);
  expect(backend.calls('messages.subscribe')).toEqual([]);

  await page.type('理由', '不属于本小区公共事务');
  await page.tap('提交');
  await page.settle(80);
  expect(backend.calls('requests.reject')).toHaveLength(1);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['request_assigned'] }]);
});

test('a comment is no handling: it asks nothing', async () => {
  page = await renderPage('pages/requests/detail/index', { properties: { requestId: 'rq_demo_light' } });
  await page.settle(150);
  await page.tap('留言');
  await page.settle(20);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
});
