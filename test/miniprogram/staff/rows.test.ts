import { canManageMembers, compoundNames, confirmationOf, emptyText, memberRowOf, rowAfter } from '../../../miniprogram/staff/members/rows';
import { COMMUNITIES, user } from '../fixtures';
import { member } from './fixtures';

const NAMES = compoundNames(COMMUNITIES, 'cm_hongxing');

test('names only the compounds of the caller’s community', () => {
  expect(NAMES).toEqual({ cp_jiangjin: '江津花园', cp_wanshou: '万寿园小区' });
  expect(compoundNames(null, 'cm_hongxing')).toEqual({});
});

test('shows a pending applicant with compound, address and masked phone, offering 通过 only', () => {
  expect(memberRowOf(member(), NAMES)).toEqual({
    userId: 'u_zhao',
    name: '赵志远',
    place: '江津花园 · 6栋 601',
    phoneMasked: '139****0006',
    status: 'pending',
    statusLabel: '待审核',
    roles: [],
    isPartyMember: false,
    canApprove: true,
    canMakeOcMember: false,
    error: '',
  });
});

test('shows the bare address when the compound is unknown', () => {
  expect(memberRowOf(member({ compoundId: 'cp_gone' }), NAMES).place).toBe('6栋 601');
});

test('offers 设为业委会成员 to approved residents not yet on the committee', () => {
  expect(memberRowOf(member({ status: 'active', roles: ['resident'] }), NAMES)).toMatchObject({
    statusLabel: '已通过',
    roles: ['居民'],
    canApprove: false,
    canMakeOcMember: true,
  });
  expect(memberRowOf(member({ status: 'active', roles: ['resident', 'oc_member'] }), NAMES)).toMatchObject({
    roles: ['居民', '业委会成员'],
    canMakeOcMember: false,
  });
  expect(memberRowOf(member({ status: 'active', roles: ['property_staff'] }), NAMES).canMakeOcMember).toBe(false);
  expect(memberRowOf(member({ status: 'disabled', roles: ['resident'] }), NAMES)).toMatchObject({
    statusLabel: '已停用',
    canMakeOcMember: false,
  });
});

test('updates a row from the approval’s answer and clears its error', () => {
  const row = { ...memberRowOf(member(), NAMES), error: '网络异常' };
  const after = rowAfter(row, member({ status: 'active', roles: ['resident'] }));
  expect(after).toMatchObject({ statusLabel: '已通过', roles: ['居民'], canApprove: false, canMakeOcMember: true, error: '' });
  expect(after.phoneMasked).toBe('139****0006');
});

test('asks before acting, naming the person', () => {
  expect(confirmationOf('approve', '赵志远').content).toBe('确认通过 赵志远 的注册申请？');
  expect(confirmationOf('makeOcMember', '李秀英').content).toBe('确认将 李秀英 设为业委会成员？');
});

test('says what is missing for each filter', () => {
  expect(emptyText('pending', '')).toBe('暂无待审核的申请');
  expect(emptyText('active', '')).toBe('暂无已通过的成员');
  expect(emptyText('active', '业委会成员')).toBe('暂无业委会成员');
});

test('lets only active rc_staff, party_org and admin manage members', () => {
  expect(canManageMembers(null)).toBe(false);
  expect(canManageMembers(user())).toBe(false);
  expect(canManageMembers(user({ roles: ['oc_member'] }))).toBe(false);
  expect(canManageMembers(user({ roles: ['property_staff'] }))).toBe(false);
  expect(canManageMembers(user({ roles: ['rc_staff'] }))).toBe(true);
  expect(canManageMembers(user({ roles: ['party_org'] }))).toBe(true);
  expect(canManageMembers(user({ roles: ['admin'] }))).toBe(true);
  expect(canManageMembers(user({ roles: ['rc_staff'], status: 'pending' }))).toBe(false);
});
