/**
 * An owner's confirmed vote asks for the motion's messages (its result is the one to come); the
 * motion page asks nothing on load (RULES.md §8).
 */
import { renderPage, type MockBackend, type PageHandle } from '../harness';
import { until } from '../ratings/wait';
import { MOTION, ok } from '../owners/fixtures';
import { answerPrompt, prompts, subscribeBackend } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(async () => {
  backend = await subscribeBackend();
});
afterEach(() => page?.detach());

test('confirming a ballot asks for the motion messages and records only what was accepted', async () => {
  answerPrompt({ 'T-MOTION': 'accept' });
  backend.answer('owners.get', ok(MOTION));
  backend.answer('owners.vote', ok({ receipt: '1A2B-3C4D-5E6F-7A8B', castAt: '2026-11-20T01:00:00.000Z', seq: 4 }));
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_demo_pipes' } });
  await page.settle(100);
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.tap('同意');
  await page.tap('提交选票');
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
  await page.tap('确认提交');
  await until(page, '1A2B-3C4D-5E6F-7A8B');
  expect(prompts()).toEqual([['T-MOTION']]);
  expect(backend.calls('messages.subscribe')).toEqual([{ accepted: ['owners.motion'] }]);
});
