import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { member, page as membersPage } from '../staff/fixtures';
import { streetStructure, untilShows, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const members = () =>
  membersPage([
    member({ userId: 'u_rc', name: '陈雪梅', status: 'active', roles: ['resident', 'rc_staff'] }),
    member({ userId: 'u_oc', name: '王建华', status: 'active', roles: ['resident', 'oc_member'], compoundId: 'cp_wanshou' }),
    member({ userId: 'u_res', name: '赵志远', status: 'active', roles: ['resident'] }),
  ]);

async function open(): Promise<PageHandle> {
  const p = await renderPage('admin/revoke/index');
  await untilShows(p, '陈雪梅');
  return p;
}

test('lists a community’s members with the roles the caller may take back, each with its scope', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': members(),
  });
  page = await open();
  expect(backend.calls('account.listMembers')).toEqual([{ communityId: 'cm_hongxing', status: 'active', limit: 50 }]);
  expect(page.getByText('撤销居委会工作人员')).toBeTruthy();
  expect(page.getByText('撤销业委会成员')).toBeTruthy();
  expect(page.queryByText('撤销居民')).toBeNull();
});

test('a revocation asks first, sends the role with its scope, and reloads the list', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': members(),
    'account.revokeRole': ok({ userId: 'u_oc', roles: ['resident'], grants: [] }),
  });
  page = await open();
  await page.tap('撤销业委会成员');
  await page.settle(60);
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '撤销 王建华 的“业委会成员”角色？' }));
  expect(backend.calls('account.revokeRole')).toEqual([{ userId: 'u_oc', role: 'oc_member', scopeId: 'cp_wanshou' }]);
  expect(backend.calls('account.listMembers')).toHaveLength(2);
});

test('nothing is sent when the person cancels, and a refusal is shown with the member’s name', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'account.listMembers': members(),
    'account.revokeRole': { ok: false, error: { code: 'NOT_FOUND', message: '该成员没有这个角色', reason: 'ROLE_NOT_HELD' } },
  });
  page = await open();
  (wx.showModal as jest.Mock).mockImplementationOnce((o: { success(r: object): void }) => o.success({ confirm: false, cancel: true }));
  await page.tap('撤销居委会工作人员');
  await page.settle(40);
  expect(backend.calls('account.revokeRole')).toEqual([]);

  await page.tap('撤销居委会工作人员');
  await page.settle(60);
  expect(backend.calls('account.revokeRole')).toEqual([{ userId: 'u_rc', role: 'rc_staff', scopeId: 'cm_hongxing' }]);
  expect(page.text()).toContain('陈雪梅：该成员没有这个角色');
});
