/** The consent sheet answers wx.onNeedPrivacyAuthorization as WeChat's privacy guideline asks. */
import { streetStep } from './fixtures';
import { fire, mockBackend, renderPage, type PageHandle } from './harness';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;
beforeEach(() => {
  installWx();
  mockBackend(streetStep);
});
afterEach(() => page?.detach());

/** What WeChat would do when the page calls a privacy-scoped API before consent. */
function needAuthorization(): jest.Mock {
  const listener = (wx.onNeedPrivacyAuthorization as unknown as jest.Mock).mock.calls.at(-1)?.[0] as (resolve: jest.Mock) => void;
  const resolve = jest.fn();
  listener(resolve);
  return resolve;
}

test('shows the sheet when WeChat needs consent; 同意 resolves with the agree button', async () => {
  page = await renderPage('pages/register/index');
  expect(page.queryByText('隐私保护提示')).toBeNull();
  const resolve = needAuthorization();
  await page.settle();
  expect(page.text()).toContain('隐私保护提示');
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
  const agree = page.dom.querySelector('[class*="sheet__button--primary"]');
  expect(agree?.textContent?.trim()).toBe('同意');
  fire(agree as Element, 'agreeprivacyauthorization');
  await page.settle();
  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
  expect(resolve).toHaveBeenCalledTimes(2);
});

test('拒绝 resolves disagree and says the feature is off', async () => {
  page = await renderPage('pages/register/index');
  const resolve = needAuthorization();
  await page.settle();
  await page.tap('拒绝');
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('未同意隐私保护指引') }));
});

test('the full guideline opens from the sheet', async () => {
  page = await renderPage('pages/register/index');
  needAuthorization();
  await page.settle();
  await page.tap('查看《隐私保护指引》');
  expect(wx.openPrivacyContract).toHaveBeenCalled();
});
