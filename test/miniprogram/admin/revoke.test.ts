import type { HolderView } from '../../../typings/api';
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { whoamiResident } from '../staff/fixtures';
import { cityStreets, namedStreet, streetStructure, untilShows, whoamiAdmin, whoamiRcStaff, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

function holder(overrides: Partial<HolderView> = {}): HolderView {
  return {
    userId: 'u_rc2',
    nameMasked: '李*',
    phoneMasked: '',
    role: 'rc_staff',
    roleLabel: '居委会工作人员',
    scopeId: 'cm_hongxing',
    scopeLevel: 'community',
    scopeName: '红星社区',
    grantedAt: '2026-11-21T02:00:00.000Z',
    ...overrides,
  };
}

const streetHolders = () =>
  ok({
    items: [
      holder(),
      holder({
        userId: 'u_oc',
        nameMasked: '王**',
        phoneMasked: '139****0004',
        role: 'oc_member',
        roleLabel: '业委会成员',
        scopeId: 'cp_jiangjin',
        scopeLevel: 'compound',
        scopeName: '江津花园',
        grantedAt: '2026-06-01T02:00:00.000Z',
      }),
    ],
    nextCursor: null,
  });

async function open(shows: string): Promise<PageHandle> {
  const p = await renderPage('admin/revoke/index');
  await untilShows(p, shows);
  return p;
}

test('a street_admin sees every holder in its street — staff without a residence too — masked, with role, scope and date', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': streetHolders(),
  });
  page = await open('李*');
  expect(backend.calls('account.listMembers')).toEqual([{ holders: true, streetId: 'st_shengli', limit: 20 }]);
  expect(page.text()).toContain('居委会工作人员 · 红星社区');
  expect(page.text()).toContain('2026-11-21 10:00 授予');
  expect(page.text()).toContain('手机号 139****0004 · 2026-06-01 10:00 授予');
  expect(page.getByText('撤销居委会工作人员')).toBeTruthy();
  expect(page.getByText('撤销业委会成员')).toBeTruthy();
});

test('tap 撤销, confirm: the role with its scope is sent and the list reloads without the holder', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': streetHolders(),
    'account.revokeRole': ok({ userId: 'u_rc2', roles: [], grants: [] }),
  });
  page = await open('李*');
  backend.answer(
    'account.listMembers',
    ok({
      items: [
        holder({
          userId: 'u_oc',
          nameMasked: '王**',
          role: 'oc_member',
          roleLabel: '业委会成员',
          scopeId: 'cp_jiangjin',
          scopeName: '江津花园',
        }),
      ],
      nextCursor: null,
    }),
  );
  await page.tap('撤销居委会工作人员');
  await page.settle(60);
  expect(wx.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '撤销角色', content: expect.stringContaining('撤销 李* 的“居委会工作人员 · 红星社区”角色？') }),
  );
  expect(backend.calls('account.revokeRole')).toEqual([{ userId: 'u_rc2', role: 'rc_staff', scopeId: 'cm_hongxing' }]);
  for (let i = 0; i < 150 && page.queryByText('李*'); i++) await page.settle(20);
  expect(backend.calls('account.listMembers')).toHaveLength(2);
  expect(page.queryByText('李*')).toBeNull();
  expect(page.getByText('王**')).toBeTruthy();
});

test('nothing is sent when the person cancels; FORBIDDEN and INVALID_STATE are shown with the holder’s name', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': streetHolders(),
    'account.revokeRole': { ok: false, error: { code: 'FORBIDDEN', message: '只能由上一级撤销其管辖范围内的角色' } },
  });
  page = await open('李*');
  (wx.showModal as jest.Mock).mockImplementationOnce((o: { success(r: object): void }) => o.success({ confirm: false, cancel: true }));
  await page.tap('撤销居委会工作人员');
  await page.settle(40);
  expect(backend.calls('account.revokeRole')).toEqual([]);

  await page.tap('撤销居委会工作人员');
  await page.settle(60);
  expect(page.text()).toContain('李*：只能由上一级撤销其管辖范围内的角色');
  expect(backend.calls('account.listMembers')).toHaveLength(1);

  backend.answer('account.revokeRole', { ok: false, error: { code: 'INVALID_STATE', message: '该账号已停用，无法修改角色' } });
  await page.tap('撤销业委会成员');
  await page.settle(60);
  expect(page.text()).toContain('王**：该账号已停用，无法修改角色');
});

test('the admin starts at the streets and may pick a level and a place, in the street looked at; each pick lists that place', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.structure': (data: { streetId?: string }) => ok(data.streetId ? namedStreet(data.streetId) : cityStreets()),
    'account.listMembers': ok({
      items: [
        holder({
          userId: 'u_st',
          nameMasked: '孙*',
          role: 'street_admin',
          roleLabel: '街道工作人员',
          scopeId: 'st_dongcheng',
          scopeLevel: 'street',
          scopeName: '东城街道',
        }),
      ],
      nextCursor: null,
    }),
  });
  page = await open('孙*');
  expect(page.getByText('撤销街道工作人员')).toBeTruthy();
  await page.pick('街道', '胜利街道');
  await page.settle(40);
  await page.pick('查看方式', '小区');
  await page.settle(40);
  await page.pick('小区', '红星社区 · 万寿园小区');
  await page.settle(40);
  expect(backend.calls('account.listMembers')).toEqual([
    { holders: true, streetId: 'st_dongcheng', limit: 20 },
    { holders: true, streetId: 'st_shengli', limit: 20 },
    { holders: true, compoundId: 'cp_jiangjin', limit: 20 },
    { holders: true, compoundId: 'cp_wanshou', limit: 20 },
  ]);
  // The city's streets first; a street's compounds only once a compound is looked for in it.
  expect(backend.calls('admin.structure')).toEqual([{}, { streetId: 'st_shengli' }]);

  await page.pick('街道', '东城街道');
  await untilShows(page, '您管辖范围内还没有小区');
  expect(backend.calls('admin.structure')).toEqual([{}, { streetId: 'st_shengli' }, { streetId: 'st_dongcheng' }]);
  expect(backend.calls('account.listMembers')).toHaveLength(4);
});

test('community staff start at their own community and cannot pick a street', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiRcStaff,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': ok({ items: [], nextCursor: null }),
  });
  page = await open('这里没有您可撤销的角色');
  expect(backend.calls('account.listMembers')).toEqual([{ holders: true, communityId: 'cm_hongxing', limit: 20 }]);
  const levels = (page.comp.instance as unknown as { data: { levelOptions: Array<{ label: string }> } }).data.levelOptions;
  expect(levels.map((o) => o.label)).toEqual(['社区', '小区']);
});

test('a resident may revoke nothing: told so, nothing asked of the server', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiResident });
  page = await open('您没有可撤销的角色');
  expect(backend.calls('account.listMembers')).toEqual([]);
  expect(backend.calls('admin.structure')).toEqual([]);
});

test('care mode (关怀模式): the page scales its text and still offers each revocation', async () => {
  (getApp as unknown as jest.Mock).mockReturnValue({ globalData: { fontScale: 1.4 } });
  mockBackend({ 'account.whoami': whoamiStreet, 'admin.structure': ok(streetStructure()), 'account.listMembers': streetHolders() });
  page = await open('李*');
  expect(page.comp.data.pageStyle).toBe('--font-scale: 1.4;');
  expect(page.getByText('撤销居委会工作人员')).toBeTruthy();
  expect(page.getByText('撤销业委会成员')).toBeTruthy();
});
