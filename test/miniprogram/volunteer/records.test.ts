import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { profile, record, untilLoaded, untilShown } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

const older = record({
  recordId: 'act_demo_past_clean:u_volunteer',
  title: '万寿园小区环境整治',
  date: '2026-10-21',
  hours: 2.5,
  location: '万寿园小区',
});

async function open(): Promise<PageHandle> {
  const p = await renderPage('pages/volunteer/records/index');
  await untilLoaded(p);
  return p;
}

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'volunteer.myRecords': ok({ volunteer: profile(), totalHours: 5.5, records: [record(), older], nextCursor: null }),
  });
});
afterEach(() => page?.detach());

test('shows the total hours and each record', async () => {
  page = await open();
  expect(backend.calls('volunteer.myRecords')).toEqual([{ limit: 20 }]);
  expect(page.text()).toContain('赵志远');
  expect(page.text()).toContain('志愿者编号 ZY000001');
  expect(page.text()).toContain('5.5 小时');
  expect(page.text()).toContain('社区健康义诊引导');
  expect(page.text()).toContain('2026-10-21 · 万寿园小区');
  expect(page.text()).toContain('没有更多了');
});

test("shows a record's certificate data and copies it", async () => {
  page = await open();
  await page.tap('社区健康义诊引导');
  const text = page.text();
  expect(text).toContain('志愿服务记录证明信息');
  expect(text).toContain('服务日期2026-11-10');
  expect(text).toContain('活动时间08:30–11:30');
  expect(text).toContain('服务时长3 小时');
  expect(text).toContain('组织单位红星社区居民委员会');
  expect(text).toContain('联系电话13907160003');
  wx.setClipboardData = jest.fn() as never;
  await page.tap('复制证明信息');
  const copied = (wx.setClipboardData as unknown as jest.Mock).mock.calls[0][0].data as string;
  expect(copied).toContain('志愿者编号：ZY000001');
  expect(copied).toContain('服务地点：红星社区广场');
});

test('loads more records on reaching the bottom', async () => {
  backend.answer('volunteer.myRecords', (data) =>
    ok({ volunteer: profile(), totalHours: 5.5, records: data.cursor ? [older] : [record()], nextCursor: data.cursor ? null : 'c1' }),
  );
  page = await open();
  expect(page.text()).not.toContain('万寿园小区环境整治');
  (page.comp.instance as unknown as { onReachBottom(): void }).onReachBottom();
  await untilShown(page, '万寿园小区环境整治');
  expect(backend.calls('volunteer.myRecords').at(-1)).toEqual({ limit: 20, cursor: 'c1' });
  expect(page.text()).toContain('万寿园小区环境整治');
  expect(page.text()).toContain('没有更多了');
});

test('shows an empty state for a volunteer without records', async () => {
  backend.answer('volunteer.myRecords', ok({ volunteer: profile({ totalHours: 0 }), totalHours: 0, records: [], nextCursor: null }));
  page = await open();
  expect(page.text()).toContain('还没有服务记录，报名参加社区活动吧');
  await page.tap('去看看活动');
  expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/activities/index' }));
});

test('invites a resident who is not a volunteer to register', async () => {
  backend.answer('volunteer.myRecords', { ok: false, error: { code: 'FORBIDDEN', message: '请先登记为志愿者', reason: 'NOT_VOLUNTEER' } });
  page = await open();
  expect(page.text()).toContain('您还不是志愿者');
  await page.tap('登记志愿者');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/volunteer/register/index' }));
});

test('shows the error with a retry, and refreshes on pull-down', async () => {
  backend.answer('volunteer.myRecords', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await open();
  expect(page.text()).toContain('网络异常，请稍后重试');
  backend.answer('volunteer.myRecords', ok({ volunteer: profile(), totalHours: 5.5, records: [record()], nextCursor: null }));
  await page.tap('重试');
  await untilLoaded(page);
  expect(page.text()).toContain('社区健康义诊引导');
  backend.answer(
    'volunteer.myRecords',
    ok({ volunteer: profile({ totalHours: 8 }), totalHours: 8, records: [record()], nextCursor: null }),
  );
  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await untilShown(page, '8 小时');
  expect(page.text()).toContain('8 小时');
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});

test('lists my signups with their status on the 我的报名 tab and opens one', async () => {
  backend.answer(
    'volunteer.mySignups',
    ok({
      items: [
        {
          activityId: 'act_demo_civility',
          title: '文明劝导：胜利街路口',
          category: 'civility',
          categoryLabel: '文明劝导',
          location: '胜利街与江津路交叉口',
          startAt: '2026-11-22T23:00:00.000Z',
          endAt: '2026-11-23T01:00:00.000Z',
          status: 'waitlisted',
          position: null,
          attendance: 'pending',
          checkInAt: null,
          checkOutAt: null,
          hours: 0,
          lateCancel: false,
          cancelledBy: null,
        },
      ],
      nextCursor: null,
    }),
  );
  page = await open();
  expect(backend.calls('volunteer.mySignups')).toEqual([]);
  await page.tap('我的报名');
  await untilLoaded(page);
  expect(backend.calls('volunteer.mySignups')).toEqual([{ limit: 20 }]);
  expect(page.text()).toContain('文明劝导：胜利街路口');
  expect(page.text()).toContain('候补中');
  expect(page.text()).toContain('11月23日 周一 07:00–09:00');
  await page.tap('文明劝导：胜利街路口');
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/pages/volunteer/activity/index?activityId=act_demo_civility' }),
  );
});

test('shows an empty 我的报名 for a volunteer who has not signed up', async () => {
  backend.answer('volunteer.mySignups', ok({ items: [], nextCursor: null }));
  page = await open();
  await page.tap('我的报名');
  await untilLoaded(page);
  expect(page.text()).toContain('还没有报名过活动');
});
