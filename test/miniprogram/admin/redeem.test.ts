import { codeOf } from '../../../miniprogram/admin/redeem/code';
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const redeemed = { role: 'compound_party', roleLabel: '小区党组织成员', scopeId: 'cp_jiangjin', scopeName: '江津花园', user: {} };

test('opened from a share card, the code is filled in; a new person gives a name and takes the role', async () => {
  const backend = mockBackend({ 'account.redeem': ok(redeemed), 'account.whoami': ok({ openid: 'demo-newcomer', user: null }) });
  page = await renderPage('admin/redeem/index', { properties: { code: 'k7m2q9tx' } });
  await page.type('您的姓名', '王建华');
  await page.tap('接受邀请');
  await page.settle(60);
  expect(backend.calls('account.redeem')).toEqual([{ code: 'K7M2Q9TX', name: '王建华' }]);
  expect(page.text()).toContain('已接受邀请');
  expect(page.text()).toContain('您已成为 江津花园 的小区党组织成员');
  await page.tap('去“我的”查看');
  expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index' }));
});

test('a scanned code’s scene gives the code', () => {
  expect(codeOf({ scene: encodeURIComponent('code=K7M2Q9TX') })).toBe('K7M2Q9TX');
  expect(codeOf({ scene: 'K7M2Q9TX' })).toBe('K7M2Q9TX');
  expect(codeOf({})).toBe('');
});

test('a mistyped code is refused before sending', async () => {
  const backend = mockBackend({});
  page = await renderPage('admin/redeem/index');
  await page.type('邀请码', 'K7M2O');
  await page.tap('接受邀请');
  expect(page.fieldError('邀请码')).toBe('邀请码为 8 位字母和数字');
  expect(backend.calls('account.redeem')).toEqual([]);
});

test.each<['CONFLICT' | 'INVALID_STATE' | 'NOT_FOUND', 'INVITATION_EXPIRED' | 'INVITATION_USED' | 'INVITATION_NOT_FOUND', string]>([
  ['INVALID_STATE', 'INVITATION_EXPIRED', '该邀请码已过期，请联系对方重新生成'],
  ['CONFLICT', 'INVITATION_USED', '该邀请码已被使用'],
  ['NOT_FOUND', 'INVITATION_NOT_FOUND', '邀请码不存在'],
])('a code the server refuses (%s %s) says why in Chinese', async (code, reason, message) => {
  mockBackend({ 'account.redeem': { ok: false, error: { code, message, reason } } });
  page = await renderPage('admin/redeem/index', { properties: { code: 'K7M2Q9TX' } });
  await page.tap('接受邀请');
  await page.settle(60);
  expect(page.text()).toContain(message);
  expect(page.text()).not.toContain('已接受邀请');
});
