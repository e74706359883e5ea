// 我的团队 (outreach/my-teams/index): a team's leader sees the team's figures and activities, opens
// a roster, and publishes for the team with it chosen.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { summary } from '../volunteer/fixtures';
import { team, untilLoaded } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

const upcoming = summary({ activityId: 'act_team_next', title: '红星志愿服务队 楼道清洁', teamName: '红星志愿服务队' });
const ended = summary({ activityId: 'act_team_done', title: '红星志愿服务队 义诊', phase: 'ended', teamName: '红星志愿服务队' });

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'outreach.myTeams': ok([team({ activities: 4, serviceHours: 12.5 })]),
    'volunteer.listActivities': (data) =>
      ok({ items: (data as { when: string }).when === 'past' ? [ended] : [upcoming], nextCursor: null }),
  });
});
afterEach(() => page?.detach());

async function open(): Promise<PageHandle> {
  const p = await renderPage('outreach/my-teams/index');
  await untilLoaded(p);
  return p;
}

test("shows the team's figures as the server counts them and its activities, upcoming and ended", async () => {
  page = await open();
  expect(page.text()).toContain('红星志愿服务队');
  expect(page.text()).toContain('已发布活动 4 场 · 服务时长 12.5 小时');
  expect(page.text()).toContain('红星志愿服务队 楼道清洁');
  expect(page.text()).toContain('红星志愿服务队 义诊');
  expect(backend.calls('volunteer.listActivities')).toEqual([
    { communityId: 'cm_hongxing', teamId: 'team_demo_red', when: 'upcoming', limit: 20 },
    { communityId: 'cm_hongxing', teamId: 'team_demo_red', when: 'past', limit: 5 },
  ]);
});

test('an activity opens its roster; 发布活动 opens the create page with the team chosen', async () => {
  page = await open();
  await page.tap('红星志愿服务队 义诊');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/volunteer/roster/index?activityId=act_team_done' }));
  await page.tap('发布活动');
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({
      url: `/staff/volunteer/create/index?communityId=cm_hongxing&teamId=team_demo_red&teamName=${encodeURIComponent('红星志愿服务队')}`,
    }),
  );
});

test('someone who leads no team is told how one becomes a leader', async () => {
  backend.answer('outreach.myTeams', ok([]));
  page = await open();
  expect(page.text()).toContain('您目前不是服务队队长');
  expect(backend.calls('volunteer.listActivities')).toEqual([]);
});

test('a failed load says so with 重试, and 重试 loads again', async () => {
  backend.answer('outreach.myTeams', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await open();
  expect(page.text()).toContain('网络异常，请稍后重试');
  backend.answer('outreach.myTeams', ok([team()]));
  await page.tap('重试');
  await untilLoaded(page);
  expect(page.text()).toContain('已发布活动 2 场');
});
