import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { detail, fromNow, untilLoaded, untilShown } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

async function open(activityId = 'act_demo_cleanup'): Promise<PageHandle> {
  const p = await renderPage('pages/volunteer/activity/index', { properties: { activityId } });
  await untilLoaded(p);
  return p;
}

beforeEach(() => {
  installWx();
  backend = mockBackend({ 'volunteer.getActivity': ok(detail()) });
});
afterEach(() => page?.detach());

test('shows time, place, organiser and seats', async () => {
  page = await open();
  expect(backend.calls('volunteer.getActivity')).toEqual([{ activityId: 'act_demo_cleanup' }]);
  const text = page.text();
  expect(text).toContain('江津花园楼道清洁日');
  expect(text).toContain('11月22日 周日 09:00–12:00');
  expect(text).toContain('江津花园 1–8 栋');
  expect(text).toContain('红星社区居民委员会 · 王秀兰 13907160003');
  expect(text).toContain('剩余 8 个名额（共 10） · 已报名 2 人');
  expect(text).toContain('报名中');
});

test('signs up with a client token and shows the confirmed status', async () => {
  backend.answer('volunteer.signup', ok({ status: 'confirmed' }));
  page = await open();
  backend.answer(
    'volunteer.getActivity',
    ok(
      detail({
        confirmedCount: 3,
        seatsLeft: 7,
        mySignup: {
          status: 'confirmed',
          position: null,
          attendance: 'pending',
          attendanceLabel: '未签到',
          checkInAt: null,
          checkOutAt: null,
          hours: 0,
          lateCancel: false,
          cancelledBy: null,
        },
      }),
    ),
  );
  await page.tap('报名');
  const [call] = backend.calls('volunteer.signup');
  expect(call).toEqual({ activityId: 'act_demo_cleanup', clientToken: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
  await untilShown(page, '我的状态');
  expect(page.text()).toContain('报名成功，请准时参加');
  expect(page.text()).toContain('我的状态：已报名');
  expect(page.queryByText('取消报名')).not.toBeNull();
});

test('offers 候补报名 when full and shows the waitlist position', async () => {
  backend.answer('volunteer.getActivity', ok(detail({ seatsLeft: 0, confirmedCount: 10, waitlistCount: 2 })));
  backend.answer('volunteer.signup', ok({ status: 'waitlisted', position: 3 }));
  page = await open();
  expect(page.text()).toContain('名额已满 · 2 人候补');
  expect(page.queryByText('报名')).toBeNull();
  backend.answer(
    'volunteer.getActivity',
    ok(
      detail({
        seatsLeft: 0,
        confirmedCount: 10,
        waitlistCount: 3,
        mySignup: {
          status: 'waitlisted',
          position: 3,
          attendance: 'pending',
          attendanceLabel: '未签到',
          checkInAt: null,
          checkOutAt: null,
          hours: 0,
          lateCancel: false,
          cancelledBy: null,
        },
      }),
    ),
  );
  await page.tap('候补报名');
  await untilShown(page, '我的状态');
  expect(page.text()).toContain('名额已满，已为您候补，当前第 3 位');
  expect(page.text()).toContain('我的状态：候补第 3 位');
});

test('reuses the client token when the answer to a signup was lost', async () => {
  backend.answer('volunteer.signup', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await open();
  await page.tap('报名');
  expect(page.text()).toContain('网络异常，请稍后重试');
  await page.tap('报名');
  const [first, second] = backend.calls('volunteer.signup');
  expect(second.clientToken).toBe(first.clientToken);
});

test('asks a resident who is not a volunteer to register first', async () => {
  backend.answer('volunteer.signup', { ok: false, error: { code: 'FORBIDDEN', message: '请先登记为志愿者', reason: 'NOT_VOLUNTEER' } });
  page = await open();
  await page.tap('报名');
  expect(page.text()).toContain('请先登记为志愿者');
  await page.tap('去登记志愿者');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/volunteer/register/index' }));
});

const confirmed = {
  status: 'confirmed' as const,
  position: null,
  attendance: 'pending' as const,
  attendanceLabel: '未签到',
  checkInAt: null,
  checkOutAt: null,
  hours: 0,
  lateCancel: false,
  cancelledBy: null,
};

test('asks for confirmation before a late cancellation, saying it will be recorded', async () => {
  backend.answer('volunteer.getActivity', ok(detail({ startAt: fromNow(1), freeCancelUntil: fromNow(-1), mySignup: confirmed })));
  backend.answer('volunteer.cancel', ok({ status: 'cancelled', lateCancel: true, promoted: 1 }));
  page = await open();
  expect(page.text()).toContain('现在取消将记为迟退');
  await page.tap('取消报名');
  expect(page.text()).toContain('确认迟退取消？');
  expect(backend.calls('volunteer.cancel')).toEqual([]);
  await page.tap('确定取消');
  expect(backend.calls('volunteer.cancel')).toEqual([{ activityId: 'act_demo_cleanup' }]);
  expect(page.text()).toContain('已取消报名，本次记为迟退');
});

test('does not cancel when the person thinks again', async () => {
  backend.answer('volunteer.getActivity', ok(detail({ mySignup: confirmed })));
  page = await open();
  expect(page.text()).toContain('前可随时取消');
  await page.tap('取消报名');
  expect(page.text()).toContain('确认取消报名？');
  await page.tap('再想想');
  expect(backend.calls('volunteer.cancel')).toEqual([]);
});

test('offers no button for an activity that has ended', async () => {
  backend.answer('volunteer.getActivity', ok(detail({ phase: 'ended' })));
  page = await open();
  expect(page.queryByText('报名')).toBeNull();
  expect(page.queryByText('候补报名')).toBeNull();
  expect(page.text()).toContain('已结束');
});

test('shows a cancelled activity with its reason', async () => {
  backend.answer('volunteer.getActivity', ok(detail({ status: 'cancelled', phase: 'cancelled', cancelReason: '暴雨预警' })));
  page = await open();
  expect(page.text()).toContain('取消原因：暴雨预警');
  expect(page.queryByText('报名')).toBeNull();
});

test('shows organisers the way to the roster', async () => {
  backend.answer('volunteer.getActivity', ok(detail({ isOrganiser: true })));
  page = await open();
  await page.tap('报名名单与签到');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/volunteer/roster/index?activityId=act_demo_cleanup' }));
});

test('shows the error with a retry', async () => {
  backend.answer('volunteer.getActivity', { ok: false, error: { code: 'NOT_FOUND', message: '活动不存在' } });
  page = await open('act_none');
  expect(page.text()).toContain('活动不存在');
  backend.answer('volunteer.getActivity', ok(detail()));
  await page.tap('重试');
  await untilLoaded(page);
  expect(page.text()).toContain('江津花园楼道清洁日');
});
