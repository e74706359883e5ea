/**
 * Subscribe messages are asked for at the tap that makes the event likely, never on page load
 * (RULES.md §8), and what the person accepted — only that — is recorded on the server.
 * (One page per test file: miniprogram-simulate renders one page's TDesign tree per file.)
 */
import { ok } from '../fixtures';
import { detail, untilLoaded } from '../volunteer/fixtures';
import { prepareSubscribe, resetSubscribe } from '../../../miniprogram/utils/subscribe';
import { renderPage, type MockBackend, type PageHandle } from '../harness';
import { answerPrompt, prompts, subscribeBackend, TEMPLATES } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(async () => {
  backend = await subscribeBackend({
    'volunteer.getActivity': ok(detail()),
    'volunteer.signup': ok({ status: 'confirmed' }),
  });
});
afterEach(() => page?.detach());

async function openActivity(): Promise<PageHandle> {
  const p = await renderPage('pages/volunteer/activity/index', { properties: { activityId: 'act_demo_cleanup' } });
  await untilLoaded(p);
  return p;
}

test('the activity page asks nothing when it loads; the 报名 tap asks for reminder, promotion and cancellation', async () => {
  answerPrompt({ 'T-REMIND': 'accept', 'T-PROMOTED': 'accept', 'T-CANCELLED': 'reject' });
  page = await openActivity();
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.tap('报名');
  await page.settle(50);
  expect(prompts()).toEqual([['T-REMIND', 'T-PROMOTED', 'T-CANCELLED']]);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['activity_reminder', 'volunteer_promoted'] }]);
});

test('a refused subscription records nothing, so nothing will be sent', async () => {
  answerPrompt({ 'T-REMIND': 'reject', 'T-PROMOTED': 'reject', 'T-CANCELLED': 'reject' });
  page = await openActivity();
  await page.tap('报名');
  await page.settle(50);
  expect(prompts()).toHaveLength(1);
  expect(backend.calls('messages.subscribe')).toEqual([]);
});

test('a failed signup records no subscription', async () => {
  answerPrompt({ 'T-REMIND': 'accept', 'T-PROMOTED': 'accept', 'T-CANCELLED': 'accept' });
  backend.answer('volunteer.signup', {
    ok: false,
    error: { code: 'INVALID_STATE', message: '报名已截止', reason: 'SIGNUP_DEADLINE_PASSED' },
  });
  page = await openActivity();
  await page.tap('报名');
  await page.settle(50);
  expect(prompts()).toHaveLength(1);
  expect(backend.calls('messages.subscribe')).toEqual([]);
});

test('nothing configured: no prompt at all', async () => {
  resetSubscribe();
  backend.answer('messages.templates', ok({ moments: { ...TEMPLATES.moments, signup: [] } }));
  await prepareSubscribe();
  page = await openActivity();
  await page.tap('报名');
  await page.settle(50);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  expect(backend.calls('volunteer.signup')).toHaveLength(1);
});
