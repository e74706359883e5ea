/**
 * Publishing an activity asks for the 未签退 reminder at the tap (RULES.md §8), once the form is
 * complete, and records the acceptance once the activity exists.
 * (One page per test file: miniprogram-simulate renders one page's TDesign tree per file.)
 */
import { ok, user, whoamiAs } from '../fixtures';
import { fire, renderPage, type MockBackend, type PageHandle } from '../harness';
import { detail, untilLoaded } from '../volunteer/fixtures';
import { answerPrompt, prompts, subscribeBackend } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(async () => {
  backend = await subscribeBackend({
    // The categories come with whoami (the server's words).
    'account.whoami': whoamiAs(user({ roles: ['rc_staff'] }), 'demo-rc'),
    'volunteer.createActivity': ok(detail({ activityId: 'act_new' })),
  });
});
afterEach(() => page?.detach());

const ahead = new Date(Date.now() + 5 * 24 * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);

async function fill(p: PageHandle): Promise<void> {
  await p.type('活动名称', '垃圾分类宣传');
  await p.pick('活动类别', '环境整治');
  await p.type('活动地点', '江津花园东门');
  await p.type('活动内容', '在小区门口宣传垃圾分类');
  for (const [label, value] of [
    ['活动日期', ahead],
    ['开始时间', '09:00'],
    ['结束时间', '11:30'],
  ]) {
    const picker = [...p.dom.querySelectorAll('wx-picker')].find((el) => (el.textContent ?? '').includes(label));
    if (!picker) throw new Error(`no native picker for ${label}`);
    fire(picker, 'change', { value });
    await p.settle();
  }
  await p.type('招募人数', '12');
}

test('the publishing tap asks for the 未签退 reminder and records it once published', async () => {
  answerPrompt({ 'T-MISSING-CHECKOUT': 'accept' });
  page = await renderPage('staff/volunteer/create/index', { properties: { communityId: 'cm_hongxing' } });
  await untilLoaded(page);
  await fill(page);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.tap('发布活动');
  await page.settle(80);
  expect(prompts()).toEqual([['T-MISSING-CHECKOUT']]);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['volunteer_missing_checkout'] }]);
});

test('an incomplete form asks nothing', async () => {
  page = await renderPage('staff/volunteer/create/index', { properties: { communityId: 'cm_hongxing' } });
  await untilLoaded(page);
  await page.tap('发布活动');
  await page.settle(80);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  expect(backend.calls('volunteer.createActivity')).toEqual([]);
});
