import { mockBackend, renderPage, type PageHandle } from './harness';
import { communityList, user, whoamiAs } from './fixtures';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

test('greets an approved resident by name with their community', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList });
  page = await renderPage('pages/home/index');
  // Their own community only: the whole city's list is for choosing one.
  expect(backend.calls('community.list')).toEqual([{ mine: true }]);

  expect(page.getByText('您好，赵志远')).toBeTruthy();
  expect(page.getByText('红星社区')).toBeTruthy();
  expect(page.queryByText('去注册')).toBeNull();
});

test('shows the feature tiles, and 社区统计 only to community staff', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList });
  page = await renderPage('pages/home/index');
  for (const tile of ['志愿活动', '我有诉求', '红黑榜']) expect(page.getByText(tile)).toBeTruthy();
  expect(page.queryByText('社区统计')).toBeNull();
  page.detach();

  mockBackend({ 'account.whoami': whoamiAs(user({ roles: ['party_org'] })), 'community.list': communityList });
  page = await renderPage('pages/home/index');
  expect(page.getByText('社区统计')).toBeTruthy();
});

test('opens a tab page with switchTab and another page with navigateTo', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList });
  page = await renderPage('pages/home/index');

  await page.tap('志愿活动');
  expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/activities/index' }));
  await page.tap('红黑榜');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/ratings/board/index' }));
});

test('says a feature is coming when its page does not exist yet', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList });
  (wx.navigateTo as unknown as jest.Mock).mockImplementation((o: { fail?: (e: object) => void }) =>
    o.fail?.({ errMsg: 'navigateTo:fail page not found' }),
  );
  page = await renderPage('pages/home/index');

  await page.tap('红黑榜');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该功能即将上线' }));
});

test('invites an unregistered caller to register', async () => {
  mockBackend({ 'account.whoami': whoamiAs(null), 'community.list': communityList });
  page = await renderPage('pages/home/index');

  expect(page.getByText('您好')).toBeTruthy();
  await page.tap('去注册');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/register/index' }));
});

test('tells a caller under review to wait', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user({ status: 'pending', roles: [] })), 'community.list': communityList });
  page = await renderPage('pages/home/index');

  expect(page.text()).toContain('注册信息审核中，请耐心等待社区审核');
});

test('still offers the tiles when whoami fails, with a retry', async () => {
  const backend = mockBackend({
    'account.whoami': { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } },
    'community.list': communityList,
  });
  page = await renderPage('pages/home/index');
  expect(page.text()).toContain('网络异常，请稍后重试');
  expect(page.getByText('我有诉求')).toBeTruthy();

  backend.answer('account.whoami', whoamiAs(user()));
  await page.tap('重试');
  expect(page.getByText('您好，赵志远')).toBeTruthy();
  expect(page.text()).not.toContain('网络异常');
});

test('scales its text with the WeChat font size', async () => {
  (getApp as unknown as jest.Mock).mockReturnValue({ globalData: { fontScale: 1.5 } });
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList });
  page = await renderPage('pages/home/index');

  expect(page.comp.data.pageStyle).toBe('--font-scale: 1.5;');
});
