import { ok, user, whoamiAs } from '../fixtures';
import { fire, mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { detail, untilLoaded, untilShown } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

/** A date a few days ahead, in China time, as the native date picker gives it. */
const ahead = new Date(Date.now() + 5 * 24 * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 10);

async function open(): Promise<PageHandle> {
  const p = await renderPage('staff/volunteer/create/index', { properties: { communityId: 'cm_hongxing' } });
  await untilLoaded(p);
  return p;
}

/** Picks a value in the native date/time picker whose cell shows `label`. */
async function pickNative(p: PageHandle, label: string, value: string): Promise<void> {
  const pickers = [...p.dom.querySelectorAll('wx-picker')];
  const picker = pickers.find((el) => (el.textContent ?? '').includes(label));
  if (!picker) throw new Error(`no native picker for ${label}`);
  fire(picker, 'change', { value });
  await p.settle();
}

async function fill(p: PageHandle): Promise<void> {
  await p.type('活动名称', '垃圾分类宣传');
  await p.pick('活动类别', '环境整治');
  await p.type('活动地点', '江津花园东门');
  await p.type('活动内容', '在小区门口宣传垃圾分类');
  await pickNative(p, '活动日期', ahead);
  await pickNative(p, '开始时间', '09:00');
  await pickNative(p, '结束时间', '11:30');
  await p.type('招募人数', '12');
}

beforeEach(() => {
  installWx();
  backend = mockBackend({
    // The categories come with whoami (the server's words).
    'account.whoami': whoamiAs(user({ roles: ['rc_staff'] }), 'demo-rc'),
    'volunteer.createActivity': (data) =>
      ok(detail({ activityId: 'act_new', title: String(data.title), startAt: String(data.startAt), endAt: String(data.endAt) })),
  });
});
afterEach(() => page?.detach());

test('publishes an activity with the times in China time and a client token', async () => {
  page = await open();
  await fill(page);
  await page.pick('报名截止', '开始前 1 天');
  await page.tap('发布活动');
  const [sent] = backend.calls('volunteer.createActivity');
  const dayBefore = new Date(Date.parse(`${ahead}T00:00:00Z`) - 24 * 3_600_000).toISOString().slice(0, 10);
  expect(sent).toEqual({
    communityId: 'cm_hongxing',
    title: '垃圾分类宣传',
    category: 'environment',
    description: '在小区门口宣传垃圾分类',
    location: '江津花园东门',
    startAt: `${ahead}T09:00:00+08:00`,
    endAt: `${ahead}T11:30:00+08:00`,
    signupDeadline: `${dayBefore}T09:00:00+08:00`,
    capacity: 12,
    waitlist: true,
    openToAll: false,
    clientToken: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  await untilShown(page, '活动已发布');
  expect(page.text()).toContain('活动已发布');
  await page.tap('查看活动');
  expect(wx.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/volunteer/activity/index?activityId=act_new' }));
});

test('shows what is missing under each field and sends nothing', async () => {
  page = await open();
  await page.tap('发布活动');
  expect(page.fieldError('活动名称')).toBe('请输入活动名称');
  expect(page.fieldError('活动类别')).toBe('请选择活动类别');
  expect(page.fieldError('活动地点')).toBe('请输入活动地点');
  expect(page.text()).toContain('请选择活动日期');
  expect(page.text()).toContain('请选择开始时间');
  expect(page.fieldError('招募人数')).toBe('请输入招募人数');
  expect(backend.calls('volunteer.createActivity')).toEqual([]);
});

test('refuses an end before the start and a capacity of 0', async () => {
  page = await open();
  await fill(page);
  await pickNative(page, '结束时间', '08:00');
  await page.type('招募人数', '0');
  await page.tap('发布活动');
  expect(page.text()).toContain('结束时间须晚于开始时间');
  expect(page.fieldError('招募人数')).toBe('招募人数至少为 1');
  expect(backend.calls('volunteer.createActivity')).toEqual([]);
});

test('refuses a capacity over 1000', async () => {
  page = await open();
  await fill(page);
  await page.type('招募人数', '5000');
  await page.tap('发布活动');
  expect(page.fieldError('招募人数')).toBe('招募人数不能超过 1000');
});

test("puts the server's issues under the fields", async () => {
  backend.answer('volunteer.createActivity', {
    ok: false,
    error: { code: 'INVALID_INPUT', message: '开始时间须晚于当前时间', issues: [{ path: ['startAt'], message: '开始时间须晚于当前时间' }] },
  });
  page = await open();
  await fill(page);
  await page.tap('发布活动');
  expect(page.text()).toContain('开始时间须晚于当前时间');
});

test('sends the same client token when the organiser submits again after a failure', async () => {
  backend.answer('volunteer.createActivity', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await open();
  await fill(page);
  await page.tap('发布活动');
  expect(page.text()).toContain('网络异常，请稍后重试');
  await page.tap('发布活动');
  const [first, second] = backend.calls('volunteer.createActivity');
  expect(second.clientToken).toBe(first.clientToken);
});

test('opened from 我的团队, it names the team and publishes for it', async () => {
  page = await renderPage('staff/volunteer/create/index', {
    properties: { communityId: 'cm_hongxing', teamId: 'team_demo_red', teamName: encodeURIComponent('红星志愿服务队') },
  });
  await untilLoaded(page);
  expect(page.text()).toContain('发布单位');
  expect(page.text()).toContain('红星志愿服务队');
  await fill(page);
  await page.tap('发布活动');
  expect(backend.calls('volunteer.createActivity')).toEqual([
    expect.objectContaining({ communityId: 'cm_hongxing', teamId: 'team_demo_red' }),
  ]);
});

test('without a team it sends none and names none', async () => {
  page = await open();
  expect(page.text()).not.toContain('发布单位');
  await fill(page);
  await page.tap('发布活动');
  expect(backend.calls('volunteer.createActivity')[0]).not.toHaveProperty('teamId');
});
