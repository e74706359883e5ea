import { GRANTED_BY, INVITABLE_ROLES, SCOPE_LEVEL } from '../../../cloudfunctions/core/domain/role-grants';
import { adminEntriesFor } from '../../../miniprogram/admin/index/entries';
import { INVITED_BY, SCOPE_OF } from '../../../miniprogram/admin/invitable';
import { entriesFor } from '../../../miniprogram/pages/mine/entries';
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { communityList, user, whoamiAs } from '../fixtures';
import { installWx } from '../wx-mock';
import { untilLoaded, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

test('the invitation choices equal the server’s rule of who grants what, at which level', () => {
  expect(Object.keys(INVITED_BY).sort()).toEqual([...INVITABLE_ROLES].sort());
  for (const role of INVITABLE_ROLES) {
    expect([role, [...INVITED_BY[role]].sort()]).toEqual([role, [...GRANTED_BY[role]].sort()]);
    expect([role, SCOPE_OF[role]]).toEqual([role, SCOPE_LEVEL[role]]);
  }
});

test('我的 offers 城市管理 to the admin and street staff only', () => {
  const titles = (roles: Parameters<typeof entriesFor>[0]) => entriesFor(roles).map((e) => e.title);
  expect(titles(['admin'])).toContain('城市管理');
  expect(titles(['street_admin'])).toContain('城市管理');
  expect(titles(['resident', 'rc_staff'])).not.toContain('城市管理');
  expect(titles(['resident'])).toContain('使用邀请码');
});

test('community staff see only the invitation pages among the setup pages', () => {
  expect(adminEntriesFor(['rc_staff']).map((e) => e.title)).toEqual(['邀请授权', '撤销角色']);
  expect(adminEntriesFor(['street_admin'])).toHaveLength(6);
});

test('城市管理 lists the setup pages for a street_admin', async () => {
  mockBackend({ 'account.whoami': whoamiStreet });
  page = await renderPage('admin/index/index');
  await untilLoaded(page);
  for (const t of ['工作概览', '街道、社区与小区', '物业服务企业', '社区规则', '邀请授权', '撤销角色'])
    expect(page.getByText(t)).toBeTruthy();
  await page.tap('社区规则');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/rules/index' }));
});

test('城市管理 tells a resident it is not for them', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user()) });
  page = await renderPage('admin/index/index');
  await untilLoaded(page);
  expect(page.text()).toContain('仅平台管理员和街道工作人员可以使用');
});

test('an invited staff member without an account finds 我有邀请码 on 我的', async () => {
  mockBackend({ 'account.whoami': whoamiAs(null), 'community.list': communityList });
  page = await renderPage('pages/mine/index');
  await page.tap('我有邀请码（工作人员）');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/redeem/index' }));
});
