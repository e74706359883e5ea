import { invitableBy } from '../../../cloudfunctions/core/app/account/user';
import { adminEntriesFor } from '../../../miniprogram/admin/index/entries';
import { invitableRoles } from '../../../miniprogram/admin/invitable';
import { entriesFor } from '../../../miniprogram/pages/mine/entries';
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { communityList, user, whoamiAs } from '../fixtures';
import { installWx } from '../wx-mock';
import { untilLoaded, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

test('whoami lists the roles one may invite, named, at their scope level (the level above grants)', () => {
  expect(invitableBy(['resident', 'rc_staff'])).toEqual([
    { role: 'compound_party', label: '小区党组织成员', scopeLevel: 'compound' },
    { role: 'oc_member', label: '业委会成员', scopeLevel: 'compound' },
  ]);
  expect(invitableBy(['street_admin']).map((r) => r.role)).toEqual([
    'party_org',
    'rc_staff',
    'compound_party',
    'oc_member',
    'property_staff',
  ]);
  expect(invitableBy(['admin']).map((r) => `${r.role}:${r.scopeLevel}`)).toContain('street_admin:street');
  expect(invitableBy(['resident', 'oc_member'])).toEqual([]);
});

test('the invite page offers exactly the roles whoami lists, with the server’s names', () => {
  const me = user({ roles: ['resident', 'party_org'] });
  expect(invitableRoles(me)).toEqual([
    { value: 'compound_party', label: '小区党组织成员' },
    { value: 'oc_member', label: '业委会成员' },
  ]);
  expect(invitableRoles(user({ roles: ['party_org'], status: 'disabled' }))).toEqual([]);
  expect(invitableRoles(null)).toEqual([]);
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
