import { mockBackend, renderPage, type PageHandle } from './harness';
import { communityList, ok, user, whoamiAs } from './fixtures';
import { profile } from './volunteer/fixtures';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const INTERNAL = { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } } as const;

test('shows 去注册 for an unregistered caller', async () => {
  mockBackend({ 'account.whoami': whoamiAs(null), 'community.list': communityList });
  page = await renderPage('pages/mine/index');

  expect(page.text()).toContain('您还没有注册');
  await page.tap('去注册');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/register/index' }));
});

test('shows an error with a retry button when whoami fails', async () => {
  const backend = mockBackend({ 'account.whoami': INTERNAL, 'community.list': communityList });
  page = await renderPage('pages/mine/index');

  expect(page.text()).toContain('加载失败');
  expect(page.text()).toContain('网络异常，请稍后重试');
  expect(page.queryByText('去注册')).toBeNull();

  backend.answer('account.whoami', whoamiAs(null));
  await page.tap('重试');
  expect(backend.calls('account.whoami')).toHaveLength(2);
  expect(page.text()).not.toContain('加载失败');
  expect(page.text()).toContain('去注册');
});

test('shows a loading state until whoami answers', async () => {
  mockBackend({ 'account.whoami': whoamiAs(null), 'community.list': communityList });
  (wx.request as unknown as jest.Mock).mockImplementationOnce(() => undefined); // whoami never answers
  page = await renderPage('pages/mine/index');

  expect(page.text()).toContain('加载中');
  expect(page.queryByText('去注册')).toBeNull();
});

test('shows the review message for a pending registration', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAs(user({ status: 'pending', roles: [] })), 'community.list': communityList });
  page = await renderPage('pages/mine/index');

  // The address is named from their own community only.
  expect(backend.calls('community.list')).toEqual([{ mine: true }]);
  expect(page.text()).toContain('注册信息审核中，请耐心等待社区审核');
  expect(page.text()).toContain('江津花园');
  expect(page.queryByText('去注册')).toBeNull();
});

test('shows the name, Chinese roles and compound of an approved user', async () => {
  const member = user({
    name: '张志强',
    roles: ['resident', 'oc_member'],
    isPartyMember: true,
    compoundId: 'cp_wanshou',
    building: '5栋',
    room: '502',
  });
  mockBackend({ 'account.whoami': whoamiAs(member, 'demo-oc'), 'community.list': communityList });
  page = await renderPage('pages/mine/index');

  expect(page.getByText('张志强')).toBeTruthy();
  expect(page.getByText('居民')).toBeTruthy();
  expect(page.getByText('业委会成员')).toBeTruthy();
  expect(page.getByText('党员')).toBeTruthy();
  expect(page.text()).toContain('红星社区 · 万寿园小区 · 5栋 502');
  expect(page.text()).not.toContain('oc_member');
});

test('offers the community workbench to community staff only', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user({ roles: ['rc_staff'] })), 'community.list': communityList });
  page = await renderPage('pages/mine/index');
  expect(page.text()).toContain('居委会工作人员');
  await page.tap('社区工作台');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/workbench/index' }));
  page.detach();

  mockBackend({ 'account.whoami': whoamiAs(user({ roles: ['resident'] })), 'community.list': communityList });
  page = await renderPage('pages/mine/index');
  expect(page.queryByText('社区工作台')).toBeNull();
});

test('still shows the user when the community names fail to load', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': INTERNAL });
  page = await renderPage('pages/mine/index');

  expect(page.getByText('赵志远')).toBeTruthy();
  expect(page.text()).toContain('6栋 601');
  expect(page.text()).not.toContain('加载失败');
});

test('switches the demo account in local mode and reloads as that account', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList });
  page = await renderPage('pages/mine/index');
  expect(page.text()).toContain('居民 · demo-resident');

  backend.answer('account.whoami', whoamiAs(user({ name: '王秀兰', roles: ['rc_staff'] }), 'demo-rc'));
  await page.pick('切换演示账号', '居委会工作人员 · demo-rc');

  expect(wx.setStorageSync).toHaveBeenCalledWith('devOpenid', 'demo-rc');
  const whoamis = backend.all.filter((c) => c.action === 'whoami');
  expect(whoamis.map((c) => c.openid)).toEqual(['demo-resident', 'demo-rc']);
  expect(page.getByText('王秀兰')).toBeTruthy();
});

test('has no demo account switcher in cloud mode', async () => {
  (wx.cloud.callFunction as unknown as jest.Mock).mockImplementation(({ name, data }: { name: string; data: { action: string } }) =>
    Promise.resolve({ result: name === 'account' && data.action === 'whoami' ? whoamiAs(user(), 'o-real') : ok([]) }),
  );
  page = await renderPage('pages/mine/index', { config: { mode: 'cloud', cloudEnv: 'prod-1a2b3c' } });

  expect(page.getByText('赵志远')).toBeTruthy();
  expect(page.queryByText('切换演示账号')).toBeNull();
  expect(wx.request).not.toHaveBeenCalled();
});

test('shows the current state again when the page is shown after registering', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAs(null), 'community.list': communityList });
  page = await renderPage('pages/mine/index');
  expect(page.text()).toContain('去注册');

  backend.answer('account.whoami', whoamiAs(user({ status: 'pending', roles: [] })));
  (page.comp.instance as unknown as { onShow(): void }).onShow();
  await page.settle();
  expect(page.text()).toContain('注册信息审核中，请耐心等待社区审核');
});

test('hides 志愿者登记 from a volunteer, as the server says', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList, 'volunteer.profile': ok(profile()) });
  page = await renderPage('pages/mine/index');

  expect(backend.calls('volunteer.profile')).toHaveLength(1);
  expect(page.getByText('我的志愿服务')).toBeTruthy();
  expect(page.queryByText('志愿者登记')).toBeNull();
});

test('offers 志愿者登记 to a resident who is not a volunteer yet', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList, 'volunteer.profile': ok(null) });
  page = await renderPage('pages/mine/index');

  await page.tap('志愿者登记');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/volunteer/register/index' }));
});

test('keeps 志愿者登记 when the server cannot say (its page asks again)', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()), 'community.list': communityList, 'volunteer.profile': INTERNAL });
  page = await renderPage('pages/mine/index');

  expect(page.getByText('志愿者登记')).toBeTruthy();
});

test("offers 我的团队 to a team's leader only, as the server says", async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAs(user({ roles: ['resident'] })),
    'community.list': communityList,
    'outreach.myTeams': ok([{ teamId: 'team_demo_red' }]),
  });
  page = await renderPage('pages/mine/index');
  await page.tap('我的团队');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/outreach/my-teams/index' }));
  page.detach();
  backend.answer('outreach.myTeams', ok([]));
  page = await renderPage('pages/mine/index');
  expect(page.text()).toContain('我的志愿服务');
  expect(page.text()).not.toContain('我的团队');
});
