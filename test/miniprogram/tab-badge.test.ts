/**
 * The unread badge on the 我的 tab follows the person around the app: it is refreshed when the app
 * comes back to the foreground and whenever a tab page shows, one request at a time (a refresh while
 * one is in flight shares it), and after marking messages read the count is asked again.
 */
import type { ApiResult, WhoAmI } from '../../typings/api';
import { refreshBadge } from '../../miniprogram/utils/badge';
import { communityList, ok, user, whoamiAs } from './fixtures';
import { mockBackend, renderPage, settle, type MockBackend, type PageHandle } from './harness';
import { page as requestsPage } from './requests/fixtures';
import { installWx } from './wx-mock';

type AppOptions = IAppOption & { onShow(): void };

let page: PageHandle | undefined;
let backend: MockBackend;
let appOptions: AppOptions | undefined;

/** The App of app.ts, as getApp() returns it (one per test file: app.ts registers itself once). */
function theApp(me?: ApiResult<WhoAmI>): AppOptions {
  if (!appOptions) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.ts registers itself with App()
    require('../../miniprogram/app');
    appOptions = (App as unknown as jest.Mock).mock.calls[0][0] as AppOptions;
  }
  appOptions.globalData = { fontScale: 1, ...(me ? { me: Promise.resolve(me) } : {}) };
  (getApp as unknown as jest.Mock).mockReturnValue(appOptions);
  return appOptions;
}

const showPage = (p: PageHandle) => (p.comp.instance as unknown as { onShow(): void }).onShow();
const unreadCalls = () => backend.calls('messages.unread').length;
const resident = whoamiAs(user({ roles: ['resident'] }));

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'account.whoami': resident,
    'community.list': communityList,
    'volunteer.listActivities': ok({ items: [], nextCursor: null }),
    'requests.list': requestsPage([]),
    'messages.unread': ok({ count: 3 }),
  });
});
afterEach(() => page?.detach());

test.each(['pages/home/index', 'pages/activities/index', 'pages/requests/index'])(
  'showing the tab page %s refreshes the 我的 badge',
  async (path) => {
    theApp(resident);
    page = await renderPage(path);
    await page.settle(50);
    const before = unreadCalls();
    showPage(page);
    await page.settle(50);
    expect(unreadCalls()).toBe(before + 1);
    expect(wx.setTabBarBadge).toHaveBeenLastCalledWith(expect.objectContaining({ index: 3, text: '3' }));
  },
);

test('a tab page asks nothing about messages for someone not registered', async () => {
  backend.answer('account.whoami', whoamiAs(null));
  theApp(whoamiAs(null));
  page = await renderPage('pages/home/index');
  showPage(page);
  await page.settle(50);
  expect(unreadCalls()).toBe(0);
  expect(wx.setTabBarBadge).not.toHaveBeenCalled();
});

test('the app refreshes the badge when it comes back to the foreground', async () => {
  theApp(resident).onShow();
  await settle(50);
  expect(unreadCalls()).toBe(1);
  expect(wx.setTabBarBadge).toHaveBeenCalledWith(expect.objectContaining({ index: 3, text: '3' }));
});

test('at launch the app asks nothing itself: the first page finds out who is looking', async () => {
  theApp().onShow();
  await settle(50);
  expect(backend.all).toEqual([]);
});

test('the app and the tab page showing together make one unread request', async () => {
  const app = theApp(resident);
  page = await renderPage('pages/activities/index');
  await page.settle(50);
  const before = unreadCalls();
  app.onShow();
  showPage(page);
  await page.settle(50);
  expect(unreadCalls()).toBe(before + 1);
});

test('after messages are marked read, the count is asked again once the request in flight answers', async () => {
  let count = 5;
  backend.answer('messages.unread', () => ok({ count: count-- }));
  const first = refreshBadge();
  const shared = refreshBadge();
  const afterRead = [refreshBadge({ changed: true }), refreshBadge({ changed: true })];
  expect(await first).toBe(5);
  expect(await shared).toBe(5);
  expect(await Promise.all(afterRead)).toEqual([4, 4]);
  expect(unreadCalls()).toBe(2);
  expect(wx.setTabBarBadge).toHaveBeenLastCalledWith(expect.objectContaining({ index: 3, text: '4' }));
});
