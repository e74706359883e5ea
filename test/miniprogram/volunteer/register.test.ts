import { ok, user, whoamiAs } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { profile, untilLoaded, untilShown } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

async function open(): Promise<PageHandle> {
  const p = await renderPage('pages/volunteer/register/index');
  await untilLoaded(p);
  return p;
}

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'account.whoami': whoamiAs(user({ name: '陈玉珍', phone: '13907160006' })),
    'volunteer.profile': ok(null),
    'volunteer.register': (data) => ok(profile({ realName: String(data.realName), volunteerNo: 'ZY000007', totalHours: 0 })),
  });
});
afterEach(() => page?.detach());

test('registers with the name and phone of the resident account and shows the volunteer number', async () => {
  page = await open();
  await page.type('技能特长', '急救，电工 急救');
  await page.tap('中共党员');
  await page.tap('提交登记');
  expect(backend.calls('volunteer.register')).toEqual([
    { realName: '陈玉珍', phone: '13907160006', skills: ['急救', '电工'], isPartyMember: true },
  ]);
  await untilShown(page, '登记成功');
  expect(page.text()).toContain('登记成功');
  expect(page.text()).toContain('志愿者编号 ZY000007');
});

test('sends 共青团员 when ticked, for the backbone figures', async () => {
  page = await open();
  await page.tap('共青团员');
  await page.tap('提交登记');
  expect(backend.calls('volunteer.register')).toEqual([
    { realName: '陈玉珍', phone: '13907160006', skills: [], isPartyMember: false, isYouthLeagueMember: true },
  ]);
});

test('shows Chinese messages under the fields and does not call the service', async () => {
  page = await open();
  await page.type('真实姓名', '');
  await page.type('手机号', '1390716000');
  await page.tap('提交登记');
  expect(page.fieldError('真实姓名')).toBe('请输入真实姓名');
  expect(page.fieldError('手机号')).toBe('请输入 11 位手机号');
  expect(backend.calls('volunteer.register')).toEqual([]);
});

test('clears a message once the field is corrected', async () => {
  page = await open();
  await page.type('手机号', '12345678901');
  await page.tap('提交登记');
  expect(page.fieldError('手机号')).toBe('手机号格式不正确，请检查');
  await page.type('手机号', '13907160006');
  expect(page.fieldError('手机号')).toBe('');
});

test('refuses more than ten skills', async () => {
  page = await open();
  await page.type('技能特长', Array.from({ length: 11 }, (_, i) => `技能${i}`).join(' '));
  await page.tap('提交登记');
  expect(page.fieldError('技能特长')).toBe('最多填写 10 项技能');
  expect(backend.calls('volunteer.register')).toEqual([]);
});

test('shows what the server refused', async () => {
  backend.answer('volunteer.register', { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后重试' } });
  page = await open();
  await page.tap('提交登记');
  expect(page.text()).toContain('内容未通过安全检查，请修改后重试');
});

test('shows an existing volunteer their number and hours instead of the form', async () => {
  backend.answer('volunteer.profile', ok(profile()));
  page = await open();
  expect(page.text()).toContain('您已是志愿者');
  expect(page.text()).toContain('志愿者编号 ZY000001 · 累计服务 5.5 小时');
  expect(page.queryByText('提交登记')).toBeNull();
  await page.tap('我的志愿服务');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/volunteer/records/index' }));
});

test('sends an unregistered visitor to resident registration first', async () => {
  backend.answer('account.whoami', whoamiAs(null, 'stranger'));
  page = await open();
  expect(page.text()).toContain('请先完成居民注册');
  await page.tap('去注册');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/register/index' }));
});
