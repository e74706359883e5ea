import { communityList, ok, user, whoamiAs } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { summary, untilLoaded, untilShown } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

const civility = summary({
  activityId: 'act_demo_civility',
  title: '文明劝导：胜利街路口',
  category: 'civility',
  categoryLabel: '文明劝导',
  capacity: 2,
  confirmedCount: 2,
  seatsLeft: 0,
  waitlistCount: 2,
});

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'account.whoami': whoamiAs(user()),
    'community.list': communityList,
    'volunteer.listActivities': ok({ items: [summary(), civility], nextCursor: null }),
  });
});
afterEach(() => page?.detach());

test("lists the caller's community's activities with seats left or the waitlist on each card", async () => {
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  expect(backend.calls('volunteer.listActivities')).toEqual([{ communityId: 'cm_hongxing', limit: 10 }]);
  expect(page.text()).toContain('江津花园楼道清洁日');
  expect(page.text()).toContain('11月22日 周日 09:00–12:00');
  expect(page.text()).toContain('剩余 8 个名额（共 10）');
  expect(page.text()).toContain('名额已满 · 2 人候补');
  expect(page.text()).toContain('没有更多了');
});

test('filters by category when a tab is tapped', async () => {
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  backend.answer('volunteer.listActivities', ok({ items: [civility], nextCursor: null }));
  await page.tap('文明劝导');
  await untilShown(page, '文明劝导：胜利街路口');
  expect(backend.calls('volunteer.listActivities').at(-1)).toEqual({ communityId: 'cm_hongxing', limit: 10, category: 'civility' });
  expect(page.text()).not.toContain('江津花园楼道清洁日');
  expect(page.text()).toContain('文明劝导：胜利街路口');
});

test('loads the next page on reaching the bottom and says when there is no more', async () => {
  backend.answer('volunteer.listActivities', (data) =>
    data.cursor ? ok({ items: [civility], nextCursor: null }) : ok({ items: [summary()], nextCursor: 'c1' }),
  );
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  expect(page.text()).not.toContain('文明劝导：胜利街路口');
  expect(page.text()).toContain('加载更多');
  (page.comp.instance as unknown as { onReachBottom(): void }).onReachBottom();
  await untilShown(page, '没有更多了');
  expect(backend.calls('volunteer.listActivities').at(-1)).toMatchObject({ cursor: 'c1' });
  expect(page.text()).toContain('江津花园楼道清洁日');
  expect(page.text()).toContain('文明劝导：胜利街路口');
  expect(page.text()).toContain('没有更多了');
});

test('shows an empty state when there is no activity', async () => {
  backend.answer('volunteer.listActivities', ok({ items: [], nextCursor: null }));
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  expect(page.text()).toContain('暂无即将开展的志愿活动');
});

test('shows the error with a retry that reloads', async () => {
  backend.answer('volunteer.listActivities', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  expect(page.text()).toContain('加载失败');
  expect(page.text()).toContain('网络异常，请稍后重试');
  backend.answer('volunteer.listActivities', ok({ items: [summary()], nextCursor: null }));
  await page.tap('重试');
  await untilShown(page, '江津花园楼道清洁日');
  expect(page.text()).toContain('江津花园楼道清洁日');
});

test('refreshes on pull-down and stops the spinner', async () => {
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  backend.answer('volunteer.listActivities', ok({ items: [summary({ title: '新发布的活动' })], nextCursor: null }));
  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await untilShown(page, '新发布的活动');
  expect(page.text()).toContain('新发布的活动');
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});

test('opens an activity when its card is tapped', async () => {
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  await page.tap('文明劝导：胜利街路口');
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/pages/volunteer/activity/index?activityId=act_demo_civility' }),
  );
});

test('offers 发布活动 to community staff only', async () => {
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  expect(page.queryByText('发布活动')).toBeNull();
  page.detach();
  backend.answer('account.whoami', whoamiAs(user({ roles: ['rc_staff'] }), 'demo-rc'));
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  await page.tap('发布活动');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/volunteer/create/index?communityId=cm_hongxing' }));
});

test("shows a visitor the first community's activities", async () => {
  backend.answer('account.whoami', whoamiAs(null, 'stranger'));
  page = await renderPage('pages/activities/index');
  await untilLoaded(page);
  expect(backend.calls('volunteer.listActivities')).toEqual([{ communityId: 'cm_hongxing', limit: 10 }]);
  expect(page.text()).toContain('江津花园楼道清洁日');
});
