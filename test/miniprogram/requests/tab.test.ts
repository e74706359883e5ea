import { communityList, user, whoamiAs } from '../fixtures';
import { mockBackend, renderPage as renderRaw, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { page as listPage, summary } from './fixtures';

let page: PageHandle | undefined;

/** Renders the tab and waits for whoami, the list and the first render of its cards. */
async function renderPage(path: string): Promise<PageHandle> {
  const p = await renderRaw(path);
  await p.settle(150);
  return p;
}

beforeEach(() => installWx());
afterEach(() => page?.detach());

const resident = whoamiAs(user({ name: '陈玉珍', roles: ['resident'] }));

test('shows my requests with status and time limit, newest first', async () => {
  const backend = mockBackend({
    'account.whoami': resident,
    'requests.list': listPage([
      summary({ title: '3栋楼道声控灯不亮', status: 'submitted' }),
      summary({
        requestId: 'rq_2',
        title: '5栋电梯频繁故障',
        status: 'in_progress',
        overdue: true,
        escalated: true,
        dueAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
      }),
    ]),
  });
  page = await renderPage('pages/requests/index');

  expect(backend.calls('requests.list')).toEqual([{ scope: 'mine', limit: 10 }]);
  expect(page.text()).toContain('3栋楼道声控灯不亮');
  expect(page.getByText('待受理')).toBeTruthy();
  expect(page.text()).toMatch(/剩余 \d+ 小时/);
  expect(page.getByText('处理中')).toBeTruthy();
  expect(page.text()).toContain('已超时 26 小时');
  expect(page.text()).toContain('已上报党组织');
  expect(page.text()).toContain('没有更多了');
});

test('opens a request when its card is tapped', async () => {
  mockBackend({ 'account.whoami': resident, 'requests.list': listPage([summary()]) });
  page = await renderPage('pages/requests/index');
  await page.tap('3栋楼道声控灯不亮');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/requests/detail/index?requestId=rq_demo_light' }));
});

test('shows the compound’s public board on the 小区公示 tab', async () => {
  const backend = mockBackend({
    'account.whoami': resident,
    'requests.list': (d) => (d.scope === 'mine' ? listPage([]) : listPage([summary({ title: '东门垃圾清运不及时' })])),
  });
  page = await renderPage('pages/requests/index');
  expect(page.text()).toContain('您还没有提交过诉求');
  await page.tap('小区公示');
  expect(backend.calls('requests.list').at(-1)).toEqual({ scope: 'public', compoundId: 'cp_jiangjin', limit: 10 });
  expect(page.text()).toContain('东门垃圾清运不及时');
});

test('pages through a long list', async () => {
  const backend = mockBackend({
    'account.whoami': resident,
    'requests.list': (d) =>
      d.cursor ? listPage([summary({ requestId: 'rq_b', title: '第二页的诉求' })]) : listPage([summary({ title: '第一页的诉求' })], 'c2'),
  });
  page = await renderPage('pages/requests/index');
  expect(page.text()).not.toContain('第二页的诉求');
  await page.tap('加载更多');
  expect(backend.calls('requests.list').at(-1)).toMatchObject({ scope: 'mine', cursor: 'c2' });
  expect(page.text()).toContain('第一页的诉求');
  expect(page.text()).toContain('第二页的诉求');
  expect(page.text()).toContain('没有更多了');
});

test('refreshes on pull-down', async () => {
  const backend = mockBackend({ 'account.whoami': resident, 'requests.list': listPage([summary()]) });
  page = await renderPage('pages/requests/index');
  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await page.settle();
  expect(backend.calls('requests.list')).toHaveLength(2);
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});

test('shows an error with retry when the list fails', async () => {
  const backend = mockBackend({
    'account.whoami': resident,
    'requests.list': { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } },
  });
  page = await renderPage('pages/requests/index');
  expect(page.text()).toContain('加载失败');
  backend.answer('requests.list', listPage([summary()]));
  await page.tap('重试');
  expect(page.text()).toContain('3栋楼道声控灯不亮');
});

test('shows loading until the list answers', async () => {
  mockBackend({ 'account.whoami': resident });
  const request = wx.request as unknown as jest.Mock;
  const answer = request.getMockImplementation()!;
  request.mockImplementation((o: { data: { action: string } }) => (o.data.action === 'list' ? undefined : answer(o)));
  page = await renderPage('pages/requests/index');
  expect(page.text()).toContain('加载中');
});

test('我要反映 opens the form; residents have no inbox button', async () => {
  mockBackend({ 'account.whoami': resident, 'requests.list': listPage([]) });
  page = await renderPage('pages/requests/index');
  expect(page.queryByText('诉求待办')).toBeNull();
  await page.tap('我要反映');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/requests/new/index' }));
});

test('staff of a party get 诉求待办 and no filing button', async () => {
  mockBackend({
    'account.whoami': whoamiAs(user({ roles: ['property_staff'], firmId: 'f_chuyun' }), 'demo-property'),
    'requests.list': listPage([]),
  });
  page = await renderPage('pages/requests/index');
  expect(page.queryByText('我要反映')).toBeNull();
  await page.tap('诉求待办');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/requests/inbox/index' }));
});

test('an unregistered visitor sees the board and is asked to register to file', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAs(null, 'visitor'),
    'community.list': communityList,
    'requests.list': listPage([summary({ title: '公示中的诉求' })]),
  });
  page = await renderPage('pages/requests/index');
  expect(backend.calls('requests.list')).toEqual([{ scope: 'public', compoundId: 'cp_jiangjin', limit: 10 }]);
  expect(page.text()).toContain('公示中的诉求');
  await page.tap('我的诉求');
  expect(page.text()).toContain('注册并通过社区审核后即可提交诉求');
  await page.tap('去注册');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/register/index' }));
});
