// 社区工作台 (staff/workbench/index): an organiser reaches each coming activity's roster from it.
import { ok, user, whoamiAs } from '../fixtures';
import { mockBackend, renderPage, settle, type MockBackend, type PageHandle } from '../harness';
import { summary } from '../volunteer/fixtures';
import { installWx } from '../wx-mock';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(): Promise<PageHandle> {
  const p = await renderPage('staff/workbench/index');
  await settle(150);
  return p;
}

test("lists the organiser's coming activities, each opening its roster", async () => {
  backend = mockBackend({
    'account.whoami': whoamiAs(user({ roles: ['rc_staff'] })),
    'volunteer.listActivities': ok({ items: [summary(), summary({ activityId: 'act_visit', title: '敬老院慰问' })], nextCursor: null }),
  });
  page = await open();
  expect(backend.calls('volunteer.listActivities')).toEqual([{ communityId: 'cm_hongxing', when: 'upcoming', limit: 10 }]);
  expect(page.text()).toContain('江津花园楼道清洁日');
  await page.tap('敬老院慰问');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/volunteer/roster/index?activityId=act_visit' }));
});

test('says when nothing is coming, and offers to publish an activity', async () => {
  mockBackend({
    'account.whoami': whoamiAs(user({ roles: ['party_org'] })),
    'volunteer.listActivities': ok({ items: [], nextCursor: null }),
  });
  page = await open();
  expect(page.text()).toContain('暂无即将开展的活动');
  await page.tap('发布志愿活动');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/volunteer/create/index' }));
});

test('lists no activities for staff who do not organise them', async () => {
  backend = mockBackend({ 'account.whoami': whoamiAs(user({ roles: ['admin'] })) });
  page = await open();
  expect(backend.calls('volunteer.listActivities')).toEqual([]);
  expect(page.queryByText('近期活动 · 报名名单与签到')).toBeNull();
  expect(page.getByText('诉求待办')).toBeTruthy();
});
