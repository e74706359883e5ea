import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import {
  cityStreets,
  firmsPage,
  namedStreet,
  streetStructure,
  structureView,
  untilLoaded,
  whoamiAdmin,
  whoamiRcStaff,
  whoamiStreet,
} from './fixtures';
import { whoamiResident } from '../staff/fixtures';

let page: PageHandle | undefined;

beforeEach(() => {
  installWx();
  Object.assign(wx, { setClipboardData: jest.fn() });
});
afterEach(() => page?.detach());

const invitation = {
  code: 'K7M2Q9TX',
  role: 'rc_staff',
  roleLabel: '居委会工作人员',
  scopeId: 'cm_hongxing',
  scopeName: '红星社区',
  expiresAt: '2026-12-05T06:00:00.000Z',
};

async function open(): Promise<PageHandle> {
  const p = await renderPage('admin/invite/index');
  await untilLoaded(p);
  return p;
}

/** The options the open picker offers. */
function offered(p: PageHandle): string[] {
  const d = (
    p.comp.instance as unknown as {
      data: { rolePicker: boolean; roleOptions: Array<{ label: string }>; scopeOptions: Array<{ label: string }> };
    }
  ).data;
  return (d.rolePicker ? d.roleOptions : d.scopeOptions).map((o) => o.label);
}

test('a street_admin picks a role of the level below and a community of the street, and gets a code to share', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.invite': ok(invitation),
  });
  page = await open();
  await page.tap('角色');
  expect(offered(page)).toEqual(['社区党组织', '居委会工作人员', '小区党组织成员', '业委会成员', '物业工作人员']);
  await page.tap('确定');
  await page.tap('生成邀请码');
  expect(backend.calls('account.invite')).toEqual([]);

  await page.pick('角色', '居委会工作人员');
  await page.pick('社区', '红星社区');
  await page.tap('生成邀请码');
  await page.settle(60);
  expect(backend.calls('account.invite')).toEqual([{ role: 'rc_staff', scopeId: 'cm_hongxing' }]);
  expect(page.text()).toContain('K7M2Q9TX');
  expect(page.text()).toContain('邀请 红星社区 的居委会工作人员');
  expect(page.text()).toContain('2026-12-05 14:00 前使用');

  const share = (page.comp.instance as unknown as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
  expect(share).toEqual({ title: '邀请您担任红星社区居委会工作人员', path: '/admin/redeem/index?code=K7M2Q9TX' });
  await page.tap('复制邀请码');
  expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'K7M2Q9TX' }));
});

test('the admin may also invite a street_admin, choosing among the streets', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.structure': ok(cityStreets()),
    'account.invite': ok({
      ...invitation,
      role: 'street_admin',
      roleLabel: '街道工作人员',
      scopeId: 'st_dongcheng',
      scopeName: '东城街道',
    }),
  });
  page = await open();
  await page.pick('角色', '街道工作人员');
  await page.pick('街道', '东城街道');
  await page.tap('生成邀请码');
  await page.settle(60);
  expect(backend.calls('account.invite')).toEqual([{ role: 'street_admin', scopeId: 'st_dongcheng' }]);
  expect(backend.calls('admin.structure')).toEqual([{}]);
});

test('the admin picks a compound in a street: the street first, then its compounds', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.structure': (data: { streetId?: string }) => ok(data.streetId ? namedStreet(data.streetId) : cityStreets()),
    'account.invite': ok({ ...invitation, role: 'oc_member', roleLabel: '业委会成员', scopeId: 'cp_wanshou', scopeName: '万寿园小区' }),
  });
  page = await open();
  await page.pick('角色', '业委会成员');
  await page.tap('小区');
  expect(page.text()).toContain('请先选择街道');
  await page.pick('街道', '胜利街道');
  await page.settle(60);
  expect(backend.calls('admin.structure')).toEqual([{}, { streetId: 'st_shengli' }]);
  expect(offered(page)).toEqual(['红星社区 · 江津花园', '红星社区 · 万寿园小区']);
  await page.pick('小区', '红星社区 · 万寿园小区');
  await page.tap('生成邀请码');
  await page.settle(60);
  expect(backend.calls('account.invite')).toEqual([{ role: 'oc_member', scopeId: 'cp_wanshou' }]);
});

test('a firm is found by the start of its name', async () => {
  const [, jinghua] = firmsPage().items;
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'admin.firms': (data: { q?: string }) => ok(data.q ? { items: [jinghua], nextCursor: null } : firmsPage()),
  });
  page = await open();
  await page.pick('角色', '物业工作人员');
  await page.settle(60);
  expect(backend.calls('admin.firms')).toEqual([{ limit: 50 }]);
  await page.type('查找企业', '荆州荆华');
  await page.settle(60);
  expect(backend.calls('admin.firms').at(-1)).toEqual({ q: '荆州荆华', limit: 50 });
  await page.tap('物业企业');
  expect(offered(page)).toEqual(['荆州荆华物业管理有限公司']);
});

test('a residents’ committee member invites compound roles only, for the community’s compounds', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiRcStaff,
    'admin.structure': ok(structureView({ isAdmin: false, streets: [streetStructure().streets[0]] })),
    'account.invite': ok({ ...invitation, role: 'oc_member', roleLabel: '业委会成员', scopeId: 'cp_wanshou', scopeName: '万寿园小区' }),
  });
  page = await open();
  await page.tap('角色');
  expect(offered(page)).toEqual(['小区党组织成员', '业委会成员']);
  await page.tap('确定');
  await page.pick('角色', '业委会成员');
  await page.pick('小区', '红星社区 · 万寿园小区');
  await page.tap('生成邀请码');
  await page.settle(60);
  expect(backend.calls('account.invite')).toEqual([{ role: 'oc_member', scopeId: 'cp_wanshou' }]);
});

test('a refusal by the server is shown in Chinese', async () => {
  mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'admin.firms': ok(firmsPage()),
    'account.invite': { ok: false, error: { code: 'FORBIDDEN', message: '只能由上一级为其管辖范围授予该角色' } },
  });
  page = await open();
  await page.pick('角色', '物业工作人员');
  await page.pick('物业企业', '荆州荆华物业管理有限公司');
  await page.tap('生成邀请码');
  await page.settle(60);
  expect(page.text()).toContain('只能由上一级为其管辖范围授予该角色');
  expect(page.queryByText('分享给对方')).toBeNull();
});

test('a resident has nothing to grant and is told so', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiResident });
  page = await open();
  expect(page.text()).toContain('您没有可授予他人的角色');
  expect(backend.calls('admin.structure')).toEqual([]);
});
