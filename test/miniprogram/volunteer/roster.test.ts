import { ok } from '../fixtures';
import { fire, mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { detail, entry, fromNow, untilLoaded, untilShown } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

const zhao = entry({ can: { checkIn: true, checkOut: false, correct: true } });
const zhang = entry({
  userId: 'u_oc',
  realName: '张志强',
  volunteerNo: 'ZY000002',
  phoneMasked: '139****0004',
  attendance: 'checked_in',
  attendanceLabel: '已签到',
  checkInAt: '2026-11-20T00:00:00.000Z',
  can: { checkIn: false, checkOut: true, correct: true },
});
const feng = entry({
  userId: 'u_r3',
  realName: '冯国庆',
  volunteerNo: 'ZY000006',
  phoneMasked: '139****0012',
  status: 'waitlisted',
  position: 1,
});
/** Under way: started an hour ago, ends in three. */
const underWay = detail({
  activityId: 'act_demo_ongoing',
  title: '防疫物资发放',
  phase: 'in_progress',
  isOrganiser: true,
  startAt: fromNow(-1),
  endAt: fromNow(3),
});
const chinaDate = new Date(Date.parse(underWay.startAt) + 8 * 3_600_000).toISOString().slice(0, 10);
const page1 = {
  items: [zhao, zhang, feng],
  nextCursor: null,
  capacity: 6,
  confirmedCount: 2,
  waitlistCount: 1,
  checkInOpensAt: fromNow(-2),
  attendanceOpen: true,
};

async function open(): Promise<PageHandle> {
  const p = await renderPage('staff/volunteer/roster/index', { properties: { activityId: 'act_demo_ongoing' } });
  await untilLoaded(p);
  return p;
}

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'volunteer.getActivity': ok(underWay),
    'volunteer.roster': ok(page1),
    'volunteer.checkIn': (data) =>
      ok({
        ...zhao,
        userId: String(data.userId),
        attendance: 'checked_in',
        attendanceLabel: '已签到',
        checkInAt: '2026-11-20T01:10:00.000Z',
        can: { checkIn: false, checkOut: true, correct: true },
      }),
    'volunteer.checkOut': (data) =>
      ok({
        ...zhang,
        userId: String(data.userId),
        attendance: 'attended',
        attendanceLabel: '已签退',
        checkOutAt: '2026-11-20T04:00:00.000Z',
        hours: 4,
        can: { checkIn: false, checkOut: false, correct: true },
      }),
  });
});
afterEach(() => page?.detach());

test('lists the signups with masked phones, statuses and waitlist positions', async () => {
  page = await open();
  expect(backend.calls('volunteer.roster')).toEqual([{ activityId: 'act_demo_ongoing', limit: 50 }]);
  const text = page.text();
  expect(text).toContain('防疫物资发放');
  expect(text).toContain('ZY000001 · 139****0007');
  expect(text).toContain('候补第 1 位');
  expect(text).toMatch(/已签到\s*签到 08:00/);
  expect(text).not.toMatch(/1[3-9]\d{9}/);
});

test('checks a volunteer in and shows the time', async () => {
  page = await open();
  await page.tap('签到');
  expect(backend.calls('volunteer.checkIn')).toEqual([{ activityId: 'act_demo_ongoing', userId: 'u_volunteer' }]);
  await untilShown(page, '赵志远 已签到');
  expect(page.text()).toMatch(/已签到\s*签到 09:10/);
});

test('checks a volunteer out and shows the hours credited', async () => {
  page = await open();
  await page.tap('签退');
  expect(backend.calls('volunteer.checkOut')).toEqual([{ activityId: 'act_demo_ongoing', userId: 'u_oc' }]);
  await untilShown(page, '计 4 小时');
  expect(page.text()).toContain('张志强 已签退，计 4 小时');
});

test('shows why a check-in was refused', async () => {
  backend.answer('volunteer.checkIn', {
    ok: false,
    error: { code: 'INVALID_STATE', message: '活动开始前 1 小时起才能签到', reason: 'CHECK_IN_TOO_EARLY' },
  });
  page = await open();
  await page.tap('签到');
  expect(page.text()).toContain('活动开始前 1 小时起才能签到');
});

test('corrects a time with a reason', async () => {
  page = await open();
  await page.tap(page.getByText('补录/更正'));
  expect(page.text()).toContain('补录/更正 赵志远 的考勤');
  await page.tap('保存');
  expect(page.text()).toContain('请选择实际时间');
  const picker = [...page.dom.querySelectorAll('wx-picker')].find((el) => (el.textContent ?? '').includes('实际时间'));
  fire(picker as Element, 'change', { value: '08:05' });
  await page.settle();
  await page.type('更正原因', '签到时网络故障，按纸质签到表补录');
  await page.tap('保存');
  expect(backend.calls('volunteer.checkIn')).toEqual([
    {
      activityId: 'act_demo_ongoing',
      userId: 'u_volunteer',
      at: `${chinaDate}T08:05:00+08:00`,
      reason: '签到时网络故障，按纸质签到表补录',
    },
  ]);
});

test('filters by status', async () => {
  page = await open();
  backend.answer('volunteer.roster', ok({ ...page1, items: [feng] }));
  await page.tap('候补');
  expect(backend.calls('volunteer.roster').at(-1)).toEqual({ activityId: 'act_demo_ongoing', limit: 50, status: 'waitlisted' });
  await untilLoaded(page);
  expect(page.text()).not.toContain('赵志远');
  expect(page.text()).toContain('冯国庆');
});

test('cancels the activity only with a reason', async () => {
  backend.answer('volunteer.cancelActivity', ok(detail({ status: 'cancelled', phase: 'cancelled' })));
  page = await open();
  await page.tap('取消活动');
  await page.tap('确定取消活动');
  expect(page.text()).toContain('请填写取消原因，将通知已报名的志愿者');
  expect(backend.calls('volunteer.cancelActivity')).toEqual([]);
  await page.type('取消原因', '暴雨预警');
  backend.answer('volunteer.getActivity', ok({ ...underWay, status: 'cancelled', phase: 'cancelled' }));
  await page.tap('确定取消活动');
  expect(backend.calls('volunteer.cancelActivity')).toEqual([{ activityId: 'act_demo_ongoing', reason: '暴雨预警' }]);
  await untilShown(page, '活动已取消，已通知报名的志愿者');
  expect(page.queryByText('签到')).toBeNull();
});

test('loads more signups on reaching the bottom and refreshes on pull-down', async () => {
  backend.answer('volunteer.roster', (data) =>
    ok({ ...page1, items: data.cursor ? [feng] : [zhao, zhang], nextCursor: data.cursor ? null : 'c1' }),
  );
  page = await open();
  expect(page.text()).not.toContain('冯国庆');
  (page.comp.instance as unknown as { onReachBottom(): void }).onReachBottom();
  await untilShown(page, '冯国庆');
  expect(page.text()).toContain('冯国庆');
  expect(page.text()).toContain('没有更多了');
  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  for (let i = 0; i < 50 && !(wx.stopPullDownRefresh as unknown as jest.Mock).mock.calls.length; i++) await page.settle(20);
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});

test('offers no check-in before the window the server gives, and says when it opens', async () => {
  const closed = { checkIn: false, checkOut: false, correct: false };
  backend.answer('volunteer.getActivity', ok({ ...underWay, phase: 'signup_open', startAt: fromNow(26), endAt: fromNow(29) }));
  backend.answer(
    'volunteer.roster',
    ok({
      ...page1,
      items: [zhao, zhang, feng].map((e) => ({ ...e, can: closed })),
      checkInOpensAt: '2026-11-21T00:30:00.000Z',
      attendanceOpen: false,
    }),
  );
  page = await open();
  expect(page.text()).toContain('2026-11-21 08:30 起开放签到');
  expect(page.queryByText('签到')).toBeNull();
  expect(page.queryByText('补录/更正')).toBeNull();
});

test('tags attendance in colour, and flags 未签退 when the server says the check-out is missing', async () => {
  backend.answer(
    'volunteer.roster',
    ok({
      ...page1,
      items: [
        { ...zhang, missingCheckOut: true, attendanceLabel: '未签退' },
        { ...zhao, attendance: 'no_show', attendanceLabel: '缺席' },
      ],
    }),
  );
  page = await open();
  // TDesign's tag draws its theme as a class (t-tag--danger) on the element holding the text.
  const themed = [...page.dom.querySelectorAll('[class~="page--row__attendance"] > [class~="t-tag--t-tag"]')];
  const tagged = (text: string) =>
    themed
      .filter((t) => (t.textContent ?? '').trim() === text)
      .map((t) => t.getAttribute('class') ?? '')
      .join(' ');
  expect(page.text()).toContain('未签退');
  expect(tagged('未签退')).toContain('t-tag--t-tag--danger');
  expect(tagged('缺席')).toContain('t-tag--t-tag--danger');
});

test('shows the error with a retry', async () => {
  backend.answer('volunteer.roster', { ok: false, error: { code: 'FORBIDDEN', message: '只有活动组织方可以查看报名名单' } });
  page = await open();
  expect(page.text()).toContain('只有活动组织方可以查看报名名单');
  backend.answer('volunteer.roster', ok(page1));
  await page.tap('重试');
  await untilLoaded(page);
  expect(page.text()).toContain('赵志远');
});

test("a team's activity names the team on the roster; another names none", async () => {
  backend.answer('volunteer.roster', ok({ ...page1, teamName: '红星志愿服务队' }));
  page = await open();
  expect(page.text()).toContain('红星志愿服务队 发布');
  page.detach();
  backend.answer('volunteer.roster', ok({ ...page1, teamName: null }));
  page = await open();
  expect(page.text()).not.toContain('发布');
});
