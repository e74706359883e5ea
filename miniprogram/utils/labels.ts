// Chinese labels of the API's enum values, shown in the UI.
import type { Role, UserStatus } from '../../typings/api';

/** 角色名称 (API.md §2). */
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  rc_staff: '居委会工作人员',
  oc_member: '业委会成员',
  property_staff: '物业工作人员',
  party_org: '社区党组织',
  admin: '平台管理员',
  street_admin: '街道工作人员',
  compound_party: '小区党组织成员',
};

/** 账号状态. */
export const STATUS_LABELS: Record<UserStatus, string> = {
  pending: '待审核',
  active: '已认证',
  disabled: '已停用',
};

/** Roles that work for the community (staff pages, 社区统计). */
export const STAFF_ROLES: readonly Role[] = ['rc_staff', 'party_org', 'admin'];

/** The Chinese names of some roles, in the order given. */
export function roleLabels(roles: readonly Role[]): string[] {
  return roles.map((r) => ROLE_LABELS[r] ?? r);
}

/** Whether someone with these roles may use the community staff pages. */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}
