/** The unread count of the message centre on the 我的 tab and on its 我的消息 cell. */
import { communityList, ok, user, whoamiAs } from './fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from './harness';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => {
  installWx();
  backend = mockBackend({ 'community.list': communityList, 'messages.unread': ok({ count: 120 }) });
});
afterEach(() => page?.detach());

test('我的 shows the unread count on the tab and on 我的消息, and opens the message centre', async () => {
  backend.answer('account.whoami', whoamiAs(user({ roles: ['resident'] })));
  backend.answer('community.list', communityList);
  backend.answer('messages.unread', ok({ count: 120 }));
  page = await renderPage('pages/mine/index');
  await page.settle(30);
  expect(wx.setTabBarBadge).toHaveBeenCalledWith(expect.objectContaining({ index: 3, text: '99+' }));
  expect(page.text()).toContain('120 条未读');
  await page.tap('我的消息');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/messages/index' }));
});

test('no badge for someone not registered (nothing asked of the server)', async () => {
  backend.answer('account.whoami', whoamiAs(null));
  backend.answer('community.list', communityList);
  page = await renderPage('pages/mine/index');
  expect(backend.calls('messages.unread')).toEqual([]);
  expect(wx.setTabBarBadge).not.toHaveBeenCalled();
});
